// generated from specs/pds/openapi.yaml: do not edit. Run `pnpm generate` to refresh.

export interface paths {
    "/v2/file/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the upload
         * @description Merges the uploaded parts and checks the file. In parallel mode integrity is checked through the midstate
         *     chain and the whole-file hash (the SDK turns crc64 checking off); in serial mode `crc64_hash` is checked.
         *     `NotFound.UploadId` after a lost answer may mean the upload already completed: read the file to confirm.
         *     `AlreadyExist.File` (409) means a rapid upload gave the file its content meanwhile: read the file to
         *     confirm its content hash.
         */
        post: operations["completeFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/file/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a file and start its upload
         * @description Creates a file (or folder). For a file it returns the `upload_id` and one upload URL per requested part
         *     (one part when `part_info_list` is omitted). With `content_hash` the server may finish at once
         *     ("rapid upload", `rapid_upload: true`, no `upload_id`, nothing to send). With only `pre_hash` a match
         *     answers HTTP 409: compute the full hash and create again (SDK `lib/loaders/StandardSerialUploader.js`
         *     `checkRapidUpload`). A domain without parallel upload answers `InvalidParameterNotSupported.ParallelUpload`
         *     when `parallel_upload` is true; the SDK then creates again with `parallel_upload: false`
         *     (`lib/loaders/BaseUploader.js` `doCreate`).
         *
         *     With `check_name_mode: refuse` and a name that exists, create answers 2xx with `exist: true`, the existing
         *     file's `file_id` and no `upload_id`: nothing is created (`lib/client/api_file.ts` `_createFolder` comment,
         *     `BaseUploader.js` `doCreate`). The SDK's own modes `overwrite` and `skip` are built on it: it sends
         *     `refuse`, and for `overwrite` creates again with the existing `file_id`, which makes a new version.
         */
        post: operations["createFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/file/get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a file
         * @description Reads a file's metadata. The SDK calls it after `NotFound.UploadId` to tell an upload that already completed
         *     (the file is there, with its `content_hash`) from one that was cleaned up (`lib/loaders/BaseUploader.js`
         *     `run`, `doGetFile`).
         */
        post: operations["getFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/file/get_upload_url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get part upload URLs
         * @description Returns a pre-signed PUT URL per listed part, for parts not yet covered by `createFile` or whose URL
         *     expired (15 minutes by default). In parallel mode send each part's midstate context, or only its
         *     `part_number` for a part already declared (see `GetUploadUrlRequest`). `AlreadyExist.File` means a rapid
         *     upload already finished the file (the SDK's resume counts it as success, `lib/loaders/BaseUploader.js`
         *     `run`); `NotFound.UploadId` means the upload is gone or completed.
         */
        post: operations["getUploadUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/file/list_uploaded_parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the uploaded parts of an upload
         * @description Lists parts already stored for `upload_id`, in part-number order, `limit` at a time. Pass the answer's
         *     `next_part_number_marker` as `part_number_marker` until it is empty. Used to resume an upload.
         */
        post: operations["listUploadedParts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description `drive_id` or `share_id` identifies the drive. */
        CompleteFileRequest: {
            /**
             * @description CRC-64/ECMA-182 of the whole file as OSS computes it (the CRC-64/XZ parameters: reflected, init and xorout
             *     all ones), as an unsigned decimal string. The SDK sends it in serial mode and reads `crc64_hash` back
             *     (`BaseUploader.js` `doComplete`); a mismatch fails the completion.
             */
            crc64_hash?: string;
            /** @description Drive ID (or `share_id`). */
            drive_id?: string;
            /** @description File ID. */
            file_id: string;
            /** @description Parts and their ETags, as the official SDK sends them. */
            part_info_list?: components["schemas"]["CompletePartInfo"][];
            /** @description Share ID (share-link uploads). */
            share_id?: string;
            /** @description Upload ID. */
            upload_id: string;
        };
        /** @description A stored part and its ETag (sent by the official SDK; not in the doc's field list). */
        CompletePartInfo: {
            /** @description ETag returned by the part PUT. */
            etag?: string;
            part_number?: components["schemas"]["PartNumber"];
        };
        /**
         * @description Algorithm of `content_hash`.
         * @enum {string}
         */
        ContentHashName: "sha1" | "sha256";
        CreateFileRequest: {
            /**
             * @description Name conflict handling: `ignore` (default, duplicates allowed), `auto_rename` (a new name) or `refuse`
             *     (nothing is created; the answer has `exist: true` and the existing `file_id`). The SDK's `overwrite` and
             *     `skip` are client modes sent as `refuse` (`lib/loaders/BaseUploader.js` `doCreate`; `lib/Types.ts`
             *     `TCheckNameMode` lists the three wire values).
             * @enum {string}
             */
            check_name_mode?: "ignore" | "auto_rename" | "refuse";
            /** @description Whole-file hash in hex (for rapid upload and the completion check). */
            content_hash?: string;
            content_hash_name?: components["schemas"]["ContentHashName"];
            /** @description MIME type; default `application/octet-stream`. */
            content_type?: string;
            /** @description File description. */
            description?: string;
            /** @description Drive ID; required except when uploading through a share link. */
            drive_id?: string;
            /**
             * @description An existing file's ID: the upload makes a new version of it (the SDK's `overwrite`: create with `refuse`,
             *     then again with the `file_id` the `exist` answer returned).
             */
            file_id?: string;
            /** @description Whether the file is hidden. */
            hidden?: boolean;
            /** @description Image metadata (width, height, time, location...). */
            image_media_metadata?: Record<string, never>;
            /**
             * Format: date-time
             * @description Creation time on the client.
             */
            local_created_at?: string;
            /**
             * Format: date-time
             * @description Modification time on the client.
             */
            local_modified_at?: string;
            /** @description File name, at most 1024 UTF-8 bytes, not ending with `/`. */
            name: string;
            /** @description Parallel (midstate) multipart upload; parts then carry `parallel_sha1_ctx` / `parallel_sha256_ctx`. */
            parallel_upload?: boolean;
            /** @description Parent folder ID; `root` for the drive's root. */
            parent_file_id: string;
            /**
             * @description Parts to create upload URLs for (at most 10,000; one part when omitted). The SDK lists every part, up to
             *     9,000 (`lib/utils/ChunkUtil.ts` `LIMIT_PART_NUM`).
             */
            part_info_list?: components["schemas"]["PartInfoRequest"][];
            /**
             * @description Hash of the first 1 KB (the whole file when smaller), for a cheap rapid-upload check before hashing
             *     everything; a match answers 409. The upload FAQ says SHA-1; the SDK hashes with `content_hash_name`'s
             *     algorithm (`StandardSerialUploader.js` `calcFileHash(file, 1024)`), which is SHA-1 by default.
             */
            pre_hash?: string;
            /**
             * @description Rapid-upload proof (challenge) code. Only the field name is public (Go SDK `FileStreamInfo`); the official JS
             *     SDK never sends it and no public PDS source gives its algorithm, so clients here never send it.
             */
            proof_code?: string;
            /** @description Version of the proof code algorithm (field name from the SDK models; never sent by the JS SDK). */
            proof_version?: string;
            /** @description Share ID; required when uploading through a share link (with `x-share-token`). */
            share_id?: string;
            /**
             * Format: int64
             * @description File size in bytes.
             */
            size?: number;
            /**
             * @description What to create.
             * @enum {string}
             */
            type: "file" | "folder";
            /** @description User-defined tags (at most 1000). */
            user_tags?: components["schemas"]["UserTag"][];
            /** @description Video metadata (duration, streams...). */
            video_media_metadata?: Record<string, never>;
        };
        /**
         * @description From the 2022-03-01 SDK model `CreateFileResponseBody`: the doc page lists the same fields but its example
         *     was not retrieved, so which ones are always present is not settled.
         */
        CreateFileResponse: {
            /** @description Domain ID. */
            domain_id?: string;
            /** @description Drive ID. */
            drive_id?: string;
            /**
             * @description True when `check_name_mode: refuse` found a file of that name: `file_id` is the existing file's, there is
             *     no `upload_id` and nothing was created (`BaseUploader.js` `doCreate`).
             */
            exist?: boolean;
            /** @description File ID. */
            file_id: string;
            /** @description Final file name (after `auto_rename`). */
            file_name?: string;
            /** @description Parent folder ID. */
            parent_file_id?: string;
            /** @description Upload targets of the requested parts. */
            part_info_list?: components["schemas"]["UploadPartInfo"][];
            /**
             * @description True when the server already has the content (rapid upload): the file is complete and nothing is sent
             *     (`BaseUploader.js` ends the task as `rapid_success`).
             */
            rapid_upload?: boolean;
            /** @description File status, e.g. `uploading` or `available`. */
            status?: string;
            /**
             * @description File or folder.
             * @enum {string}
             */
            type?: "file" | "folder";
            /** @description Upload ID; absent after a rapid upload and when a refused name existed (`exist`). */
            upload_id?: string;
        };
        /**
         * @description Error body. The documented form is `{code, message}`; the troubleshooting page also shows
         *     `{Code, Message, RequestId}`, so clients should accept both casings. Gateway errors may come only as the
         *     `x-ca-error-code` / `x-ca-error-message` headers.
         */
        ErrorResponse: {
            /**
             * @description Error code, e.g. `InvalidParameter`, `InvalidParameterOutOfRange.Limit`,
             *     `InvalidParameterNotSupported.ParallelUpload`, `InvalidRequestJSONFormat`, `AccessTokenInvalid`,
             *     `TokenExpired`, `ShareLinkTokenInvalid`, `ForbiddenNoPermission.File`, `NotFound.UploadId`,
             *     `NotFound.File`, `AlreadyExist.File`, `NameCheckFailed.ExistSameNameFile`, `TooManyRequests`,
             *     `InternalError`.
             */
            code: string;
            /** @description Human-readable error message. */
            message: string;
            /** @description Request ID, when the body carries it (it is always in the `x-ca-request-id` header). */
            request_id?: string;
        };
        /** @description A file as returned by completeFile and getFile. */
        File: {
            /** @description Category (`image`, `video`, `doc`, `others`...). */
            category?: string;
            /** @description Whole-file hash as upper-case hex. */
            content_hash?: string;
            content_hash_name?: components["schemas"]["ContentHashName"];
            /** @description MIME type. */
            content_type?: string;
            /** @description CRC-64/ECMA-182 (OSS) of the file as an unsigned decimal string. */
            crc64_hash?: string;
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at?: string;
            /** @description File description. */
            description?: string;
            /** @description Domain ID. */
            domain_id?: string;
            /** @description Drive ID. */
            drive_id?: string;
            /** @description File name extension. */
            file_extension?: string;
            /** @description File ID. */
            file_id: string;
            /** @description Whether the file is hidden. */
            hidden?: boolean;
            /** @description File name. */
            name?: string;
            /** @description Parent folder ID. */
            parent_file_id?: string;
            /**
             * Format: int64
             * @description Size in bytes.
             */
            size?: number;
            /** @description Whether the file is starred. */
            starred?: boolean;
            /** @description File status, `available` once complete. */
            status?: string;
            /**
             * @description File or folder.
             * @enum {string}
             */
            type?: "file" | "folder";
            /**
             * Format: date-time
             * @description Last modification time.
             */
            updated_at?: string;
            /** @description Upload ID the file was completed from. */
            upload_id?: string;
        };
        /** @description `drive_id` or `share_id` identifies the drive (SDK `IGetFileReq`, `lib/client/api_file.ts`). */
        GetFileRequest: {
            /** @description Drive ID (or `share_id`). */
            drive_id?: string;
            /** @description File ID. */
            file_id: string;
            /** @description Share ID (share-link uploads, with `x-share-token`). */
            share_id?: string;
        };
        /** @description `drive_id` or `share_id` identifies the drive (the SDK sends `share_id` for share-link uploads). */
        GetUploadUrlRequest: {
            /** @description Drive ID (or `share_id`). */
            drive_id?: string;
            /** @description File ID. */
            file_id: string;
            /**
             * @description Parts to get URLs for. The official SDK's resume sends `{part_number}` alone (plus `parallel_sha1_ctx`
             *     only when it still holds one: `lib/loaders/BaseUploader.js` `doGetUploadUrl`), with no `part_size`; a
             *     part declared at create (which lists every part with its context, `lib/utils/ChunkUtil.ts`
             *     `init_chunks_parallel`) keeps that context. Whether the service remembers the contexts is not
             *     published; the SDK relying on it is the evidence.
             */
            part_info_list: components["schemas"]["PartInfoRequest"][];
            /** @description Share ID (share-link uploads). */
            share_id?: string;
            /** @description Upload ID. */
            upload_id: string;
        };
        GetUploadUrlResponse: {
            /**
             * Format: date-time
             * @description When the upload task was created.
             */
            create_at?: string;
            /** @description Domain ID. */
            domain_id?: string;
            /** @description Drive ID. */
            drive_id?: string;
            /** @description File ID. */
            file_id?: string;
            /** @description Upload targets of the requested parts. */
            part_info_list?: components["schemas"]["UploadPartInfo"][];
            /** @description Upload ID. */
            upload_id?: string;
        };
        /** @description `drive_id` or `share_id` identifies the drive. */
        ListUploadedPartsRequest: {
            /** @description Drive ID (or `share_id`). */
            drive_id?: string;
            /** @description File ID. */
            file_id: string;
            /**
             * Format: int32
             * @description Parts per page. The ListUploadedParts page says 1 to 100; the official JS SDK sends 1000
             *     (`lib/loaders/BaseUploader.js` `listAllUploadedParts`) against the same service, so 1000 is accepted
             *     here. Send at most 100 to stay within the documented range.
             * @default 100
             */
            limit: number;
            /**
             * Format: int32
             * @description List parts after this part number. The docs pass the answer's `next_part_number_marker` back unchanged;
             *     the SDK sends `next_part_number_marker - 1` (`BaseUploader.js` `doListUploadParts`), which lists the
             *     previous page's last part again: a client must tolerate a part listed twice.
             */
            part_number_marker?: number;
            /** @description Share ID (share-link uploads). */
            share_id?: string;
            /** @description Upload ID. */
            upload_id: string;
        };
        ListUploadedPartsResponse: {
            /** @description File ID. */
            file_id?: string;
            /**
             * @description Marker for the next page (the last part number of this page, as OSS ListParts answers); empty when the list
             *     is complete. Which of the docs' and the SDK's readings the service follows is not published.
             */
            next_part_number_marker?: string;
            /** @description Whether the upload is in parallel mode. */
            parallel_upload?: boolean;
            /** @description Upload ID. */
            upload_id?: string;
            /** @description Stored parts with `etag`, `part_size` and the parts' contexts. */
            uploaded_parts?: components["schemas"]["UploadPartInfo"][];
        };
        /**
         * @description SHA-1 midstate of all data before this part; only for parallel multipart upload. Part 1 has no preceding
         *     data: the docs example sends `h: [0]`, the official JS SDK sends `h: []`; both are accepted. Every other
         *     part sends the five state words.
         */
        ParallelSha1Ctx: {
            /** @description State words h0..h4 after all data before this part (`[]` or `[0]` for part 1). */
            h?: components["schemas"]["Uint32Word"][] | components["schemas"]["Uint32Word"][];
            /**
             * Format: int64
             * @description Total length in bytes of all data before this part; a multiple of 64.
             */
            part_offset?: number;
        };
        /**
         * @description SHA-256 midstate of all data before this part; only for parallel multipart upload. Part 1 sends `h: []`
         *     (SDK) or `h: [0]` (docs example); every other part sends the eight state words.
         */
        ParallelSha256Ctx: {
            /** @description State words h0..h7 after all data before this part (`[]` or `[0]` for part 1). */
            h?: components["schemas"]["Uint32Word"][] | components["schemas"]["Uint32Word"][];
            /**
             * Format: int64
             * @description Total length in bytes of all data before this part; a multiple of 64.
             */
            part_offset?: number;
        };
        /** @description A part to get an upload URL for. */
        PartInfoRequest: {
            /** @description MD5 of the part, when OSS should check it at upload. */
            content_md5?: string;
            /** @description Content type the part PUT will send. */
            content_type?: string;
            parallel_sha1_ctx?: components["schemas"]["ParallelSha1Ctx"];
            parallel_sha256_ctx?: components["schemas"]["ParallelSha256Ctx"];
            part_number?: components["schemas"]["PartNumber"];
            /**
             * Format: int64
             * @deprecated
             * @description Part size in bytes (accepted by older versions; the server derives it).
             */
            part_size?: number;
        };
        /**
         * Format: int32
         * @description Part number, starting at 1 (at most 10,000 parts, the OSS limit).
         */
        PartNumber: number;
        /** @description Signature details of the upload URL. */
        SignatureInfo: {
            /** @description Authorization type. */
            auth_type?: string;
            /** @description Signature. */
            signature?: string;
            /** @description STS token. */
            sts_token?: string;
        };
        /**
         * Format: int64
         * @description One unsigned 32-bit hash state word (the docs type it long).
         */
        Uint32Word: number;
        /** @description Form (POST) upload variant of a part's target. */
        UploadFormInfo: {
            /** @description OSS bucket. */
            bucket_name?: string;
            /** @description Form upload endpoint. */
            endpoint?: string;
            /** @description Extra form fields to send. */
            form_data?: {
                [key: string]: string;
            };
            /** @description Object key. */
            object_key?: string;
            /** @description Temporary access key ID. */
            oss_access_key_id?: string;
            /** @description OSS endpoint. */
            oss_end_point?: string;
            /** @description STS security token. */
            oss_security_token?: string;
            /** @description Base64 upload policy. */
            policy?: string;
            /** @description Policy signature. */
            signature?: string;
        };
        /** @description A part's upload target, as returned by createFile, getUploadUrl and listUploadedParts. */
        UploadPartInfo: {
            /** @description Content type the part PUT must send. */
            content_type?: string;
            /** @description ETag of a stored part (listUploadedParts); discontinued elsewhere. */
            etag?: string;
            internal_upload_form_info?: components["schemas"]["UploadFormInfo"];
            /** @description Same URL for the Alibaba Cloud internal (VPC) network. */
            internal_upload_url?: string;
            parallel_sha1_ctx?: components["schemas"]["ParallelSha1Ctx"];
            parallel_sha256_ctx?: components["schemas"]["ParallelSha256Ctx"];
            part_number?: components["schemas"]["PartNumber"];
            /**
             * Format: int64
             * @description Part size in bytes (discontinued in newer docs; listUploadedParts still returns it).
             */
            part_size?: number;
            signature_info?: components["schemas"]["SignatureInfo"];
            upload_form_info?: components["schemas"]["UploadFormInfo"];
            /**
             * @description Pre-signed OSS PUT URL (a URI; the docs example shows an empty string), valid 15 minutes by default.
             *     If `content_type` is set, the PUT must send that `Content-Type`.
             */
            upload_url?: string;
        };
        /** @description User-defined tag. */
        UserTag: {
            /** @description Tag key. */
            key?: string;
            /** @description Tag value. */
            value?: string;
        };
    };
    responses: {
        /**
         * @description Invalid request: the `InvalidParameter*` family (`InvalidParameter`, `InvalidParameterEmpty.*`,
         *     `InvalidParameterWrongFormat.*`, `InvalidParameterNotSupported.*` such as
         *     `InvalidParameterNotSupported.ParallelUpload`, `InvalidParameterMissing.*`, `InvalidParameterNotMatch.*`,
         *     `InvalidParameterOutOfRange.*`) or `InvalidRequestJSONFormat`.
         */
        BadRequest: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "InvalidParameterOutOfRange.Limit",
                 *       "message": "The input parameter limit is out of range, must be between 1 and 100."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description `AlreadyExist.File` (a rapid upload already finished the file: treat as success), or on `createFile` with
         *     only `pre_hash` a pre-hash match (send the full `content_hash` next). The SDK looks only at the status; the
         *     code name of a pre-hash match is not published (`PreHashMatched` is what the sandbox sends).
         *     `NameCheckFailed.ExistSameNameFile` is a `pre_create_check` result (`lib/client/api_file.ts`), not a create
         *     error: a refused name answers 2xx with `exist: true`.
         */
        Conflict: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "AlreadyExist.File",
                 *       "message": "The resource file has already exists."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description File created; upload its parts. PDS answers 201 Created for create calls (as the public SDK expects any
         *     2xx); 200 is accepted too.
         */
        FileCreated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "domain_id": "bj1",
                 *       "drive_id": "1",
                 *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                 *       "file_name": "test.txt",
                 *       "parent_file_id": "root",
                 *       "type": "file",
                 *       "status": "uploading",
                 *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                 *       "rapid_upload": false,
                 *       "exist": false,
                 *       "part_info_list": [
                 *         {
                 *           "part_number": 1,
                 *           "upload_url": "https://bucket.oss-cn-beijing.aliyuncs.com/5d5b846942cf94fa72324c14a4bda34e81da635d?partNumber=1&uploadId=10166D06127B413BA1EC8ABB1144D111",
                 *           "parallel_sha1_ctx": {
                 *             "h": [],
                 *             "part_offset": 0
                 *           }
                 *         },
                 *         {
                 *           "part_number": 2,
                 *           "upload_url": "https://bucket.oss-cn-beijing.aliyuncs.com/5d5b846942cf94fa72324c14a4bda34e81da635d?partNumber=2&uploadId=10166D06127B413BA1EC8ABB1144D111",
                 *           "parallel_sha1_ctx": {
                 *             "h": [
                 *               2781477636,
                 *               2167910136,
                 *               4107292220,
                 *               1153442652,
                 *               2872263382
                 *             ],
                 *             "part_offset": 768
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateFileResponse"];
            };
        };
        /** @description `Forbidden` / `ForbiddenNoPermission.*`: the token's user may not write to this drive or folder. */
        Forbidden: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "ForbiddenNoPermission.File",
                 *       "message": "No permission to access resource File"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `InternalError`: a server-side failure; retry with backoff. */
        InternalError: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "InternalError",
                 *       "message": "Internal server error."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description `NotFound.UploadId` (the upload is gone or already completed: read the file to confirm),
         *     `NotFound.File`, `NotFound.Drive` or `NotFound.ParentFileId`.
         */
        NotFound: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "NotFound.UploadId",
                 *       "message": "The resource upload_id cannot be found. Please check."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `TooManyRequests`: the domain's request rate limit was hit; retry after a short random delay. */
        TooManyRequests: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "TooManyRequests",
                 *       "message": "Too many requests, please try again later."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `AccessTokenInvalid`, `TokenExpired` or `ShareLinkTokenInvalid`: refresh the token or share token. */
        Unauthorized: {
            headers: {
                "x-ca-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "AccessTokenInvalid",
                 *       "message": "AccessToken is invalid. expired"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /**
         * @description Request ID; quote it when asking Alibaba Cloud support.
         * @example 5F0F2E8B-3C3D-4A0E-9A7E-6C1B2D3E4F50
         */
        RequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    completeFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "drive_id": "1",
                 *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                 *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                 *       "part_info_list": [
                 *         {
                 *           "part_number": 1,
                 *           "etag": "0CC175B9C0F1B6A831C399E269772661"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CompleteFileRequest"];
            };
        };
        responses: {
            /** @description The completed file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "domain_id": "bj1",
                     *       "drive_id": "1",
                     *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                     *       "parent_file_id": "root",
                     *       "name": "test.txt",
                     *       "type": "file",
                     *       "size": 789,
                     *       "status": "available",
                     *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                     *       "content_type": "text/plain",
                     *       "file_extension": "txt",
                     *       "category": "doc",
                     *       "content_hash": "392AF61CCA9BC02502B0BB03B45ABD78601DD1DF",
                     *       "content_hash_name": "sha1",
                     *       "created_at": "2019-09-11T16:34:36.977Z",
                     *       "updated_at": "2019-09-11T16:35:02.120Z",
                     *       "hidden": false,
                     *       "starred": false
                     *     }
                     */
                    "application/json": components["schemas"]["File"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFileRequest"];
            };
        };
        responses: {
            200: components["responses"]["FileCreated"];
            201: components["responses"]["FileCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "drive_id": "1",
                 *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d"
                 *     }
                 */
                "application/json": components["schemas"]["GetFileRequest"];
            };
        };
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "drive_id": "1",
                     *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                     *       "parent_file_id": "root",
                     *       "name": "test.txt",
                     *       "type": "file",
                     *       "size": 789,
                     *       "status": "available",
                     *       "content_hash": "392AF61CCA9BC02502B0BB03B45ABD78601DD1DF",
                     *       "content_hash_name": "sha1"
                     *     }
                     */
                    "application/json": components["schemas"]["File"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getUploadUrl: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "drive_id": "1",
                 *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                 *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                 *       "part_info_list": [
                 *         {
                 *           "part_number": 1,
                 *           "parallel_sha1_ctx": {
                 *             "h": [
                 *               0
                 *             ],
                 *             "part_offset": 0
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["GetUploadUrlRequest"];
            };
        };
        responses: {
            /** @description Upload URLs of the requested parts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "domain_id": "bj1",
                     *       "drive_id": "1",
                     *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                     *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                     *       "create_at": "2019-09-11T16:34:36.977Z",
                     *       "part_info_list": [
                     *         {
                     *           "part_number": 1,
                     *           "part_size": 1024,
                     *           "upload_url": "",
                     *           "internal_upload_url": "",
                     *           "etag": "0CC175B9C0F1B6A831C399E269772661",
                     *           "parallel_sha1_ctx": {
                     *             "h": [
                     *               0
                     *             ],
                     *             "part_offset": 0
                     *           },
                     *           "upload_form_info": {
                     *             "bucket_name": "",
                     *             "oss_end_point": "",
                     *             "object_key": "",
                     *             "oss_access_key_id": "",
                     *             "oss_security_token": "",
                     *             "policy": "",
                     *             "signature": "",
                     *             "endpoint": "",
                     *             "form_data": {
                     *               "key": ""
                     *             }
                     *           },
                     *           "internal_upload_form_info": {
                     *             "bucket_name": "",
                     *             "oss_end_point": "",
                     *             "object_key": "",
                     *             "oss_access_key_id": "",
                     *             "oss_security_token": "",
                     *             "policy": "",
                     *             "signature": "",
                     *             "endpoint": "",
                     *             "form_data": {
                     *               "key": ""
                     *             }
                     *           },
                     *           "signature_info": {
                     *             "auth_type": "",
                     *             "signature": "",
                     *             "sts_token": ""
                     *           },
                     *           "parallel_sha256_ctx": {
                     *             "h": [
                     *               0
                     *             ],
                     *             "part_offset": 0
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["GetUploadUrlResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listUploadedParts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "drive_id": "1",
                 *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                 *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                 *       "limit": 100,
                 *       "part_number_marker": 0
                 *     }
                 */
                "application/json": components["schemas"]["ListUploadedPartsRequest"];
            };
        };
        responses: {
            /** @description One page of uploaded parts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "file_id": "5d5b846942cf94fa72324c14a4bda34e81da635d",
                     *       "upload_id": "10166D06127B413BA1EC8ABB1144D111",
                     *       "parallel_upload": true,
                     *       "uploaded_parts": [
                     *         {
                     *           "part_number": 1,
                     *           "part_size": 768,
                     *           "etag": "0CC175B9C0F1B6A831C399E269772661",
                     *           "parallel_sha1_ctx": {
                     *             "h": [],
                     *             "part_offset": 0
                     *           }
                     *         }
                     *       ],
                     *       "next_part_number_marker": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ListUploadedPartsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}
