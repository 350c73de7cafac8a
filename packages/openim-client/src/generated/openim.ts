// generated from specs/openim/openapi.yaml: do not edit. Run `pnpm generate` to refresh.

export interface paths {
    "/object/auth_sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign part uploads
         * @description Signed PUT requests for the given parts of a multipart upload (openimsdk/tools `s3/cont/controller.go`
         *     AuthSign). Build each request as the SDK does (openim-sdk-core `internal/file/upload.go`): the part's `url`,
         *     or the common `url` when it is empty; the common `query` items, then the part's; the common `header`
         *     items, then the part's. MinIO signs the headers (SigV4 header auth, `X-Amz-Content-Sha256: UNSIGNED-PAYLOAD`),
         *     valid for 24 hours. An upload id of a one-part (presigned) upload cannot be signed (errCode 500).
         */
        post: operations["authSign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/object/complete_form_data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a finished form upload
         * @description Call after storage answered with one of `successCodes`. The server decodes `id`, checks that the object
         *     exists and that its stored size equals the declared size, records it, and returns the object's
         *     OpenIM URL (`{urlPrefix}{name}`, served by `GET /object/{name}` as a 302 to a signed storage URL).
         */
        post: operations["completeFormData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/object/complete_multipart_upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a multipart upload
         * @description `parts` are the part MD5s (lowercase hex) in part order: they are the storage ETags of the parts, and
         *     their MD5 joined with `,` must be the `hash` the upload was started with (errCode 500 "md5 mismatching").
         *     The object is stored under `openim/data/hash/{hash}` and recorded under `name`; the answer is its OpenIM
         *     URL (openimsdk/tools `s3/cont/controller.go` CompleteUpload; open-im-server `internal/rpc/third/s3.go`).
         */
        post: operations["completeMultipartUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/object/initiate_form_data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get form upload credentials
         * @description Starts a direct form upload and returns the target URL, the form fields to copy verbatim, the file
         *     field name and the HTTP statuses that mean success. The object key is
         *     `openim/direct/{YYYYMMDD}/{userID}/{uuid}{ext}` unless an admin sends `absolute: true`.
         */
        post: operations["initiateFormData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/object/initiate_multipart_upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a multipart upload, or find the content already stored
         * @description Keyed by `hash`, the MD5 (lowercase hex) of the part MD5s joined with `,` (openim-sdk-core
         *     `internal/file/upload.go` partMD5; openimsdk/tools `s3/cont/controller.go` InitiateUpload). When an
         *     object with that hash is stored, the answer has `url` and no `upload`: nothing needs to be sent. Else
         *     `upload` carries the upload id, the part size the server chose (it must equal the client's `partSize`)
         *     and signed requests for the first `maxParts` parts. A file of one part (`size <= partSize`) gets a
         *     presigned PUT URL for part 1 instead of a storage multipart upload, and cannot be signed again.
         */
        post: operations["initiateMultipartUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/object/part_limit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the storage's multipart limits
         * @description The part size bounds and the most parts the storage backend takes (MinIO: 5 MiB, 5 GiB, 10000;
         *     openimsdk/tools `s3/minio/minio.go` PartLimit). The official SDK (openimsdk/openim-sdk-core
         *     `internal/file/upload.go` partSize) picks the part size from these: `minPartSize` while
         *     `size <= minPartSize * maxNumSize`, else `ceil(size / maxNumSize)`; larger than
         *     `maxPartSize * maxNumSize` cannot be uploaded.
         */
        post: operations["partLimit"];
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
        AuthSignParts: {
            header?: components["schemas"]["KeyValues"][] | null;
            parts: components["schemas"]["SignPart"][];
            query?: components["schemas"]["KeyValues"][] | null;
            /** @description The common URL of the part requests. */
            url?: string;
        };
        AuthSignRequest: {
            partNumbers: number[];
            uploadID: string;
        };
        /** @description OpenIM envelope for auth_sign. `data` is present only when `errCode` is 0. */
        AuthSignResponse: {
            data?: components["schemas"]["AuthSignResult"];
            errCode: components["schemas"]["ErrCode"];
            errDlt: components["schemas"]["ErrDlt"];
            errMsg: components["schemas"]["ErrMsg"];
        };
        AuthSignResult: components["schemas"]["AuthSignParts"];
        CompleteFormDataRequest: {
            /** @description The `id` returned by initiate_form_data, unchanged. */
            id: string;
            /**
             * @deprecated
             * @description Present in protocol `CompleteFormDataReq` but overwritten by the API layer (from the
             *     `X-Request-Api` header or the request host), so whatever a client sends is ignored. Do not send it.
             */
            urlPrefix?: string;
        };
        /** @description OpenIM envelope for complete_form_data. `data` is present only when `errCode` is 0. */
        CompleteFormDataResponse: {
            data?: components["schemas"]["CompleteFormDataResult"];
            errCode: components["schemas"]["ErrCode"];
            errDlt: components["schemas"]["ErrDlt"];
            errMsg: components["schemas"]["ErrMsg"];
        };
        CompleteFormDataResult: {
            /**
             * Format: uri
             * @description OpenIM URL of the stored object, `{scheme}://{host}/object/{name}`; GET answers 302 to a signed storage URL.
             */
            url: string;
        };
        CompleteMultipartUploadRequest: {
            cause?: string;
            contentType?: string;
            name: components["schemas"]["ObjectName"];
            /** @description The part MD5s (lowercase hex), in part order. */
            parts: components["schemas"]["Md5Hex"][];
            uploadID: string;
            /**
             * @deprecated
             * @description In CompleteMultipartUploadReq but unused; the server builds the URL from its API address.
             */
            urlPrefix?: string;
        };
        /** @description OpenIM envelope for complete_multipart_upload. `data` is present only when `errCode` is 0. */
        CompleteMultipartUploadResponse: {
            data?: components["schemas"]["CompleteMultipartUploadResult"];
            errCode: components["schemas"]["ErrCode"];
            errDlt: components["schemas"]["ErrDlt"];
            errMsg: components["schemas"]["ErrMsg"];
        };
        CompleteMultipartUploadResult: {
            /**
             * Format: uri
             * @description OpenIM URL of the stored object, `{api}/object/{name}`.
             */
            url: string;
        };
        /**
         * Format: int32
         * @description 0 means success. Codes seen on these calls (errMsg in parentheses):
         *
         *     | errCode | errMsg | when |
         *     |---|---|---|
         *     | 1001 | ArgsError | missing `operationID`/`token` header; empty `name`; `size <= 0`; name starts with `/`, is over 1024 chars or not UTF-8; empty or undecodable `id` |
         *     | 1002 | NoPermissionError | a non-admin `name` that does not start with `{userID}/` |
         *     | 1004 | RecordNotFoundError | complete_form_data failure example in the OpenIM docs |
         *     | 1501 | TokenExpiredError | token expired |
         *     | 1502 | TokenInvalidError | token invalid |
         *     | 1503 | TokenMalformedError | token malformed |
         *     | 1504 | TokenNotValidYetError | token not valid yet |
         *     | 1505 | TokenUnknownError | token error of unknown kind |
         *     | 1506 | TokenKickedError | token kicked (user logged in elsewhere) |
         *     | 1507 | TokenNotExistError | token not found in the server cache |
         *     | 90007 | DataError | complete_form_data: stored size differs from the declared size ("file size mismatch") |
         *     | 500 | ServerInternalError | any storage driver failure (unsupported or disabled engine, missing object); the only code worth retrying |
         * @example 0
         * @example 1001
         * @example 1501
         * @example 90007
         * @example 500
         */
        ErrCode: number;
        /** @description Error detail (e.g. "name is empty" plus wrap text); empty on success. The seed types it as `errDlt`; it is a string. */
        ErrDlt: string;
        /** @description Short error name such as `ArgsError`; empty on success. */
        ErrMsg: string;
        InitiateFormDataRequest: {
            /**
             * @description Admin only: use `name` verbatim as the object key instead of `openim/direct/{date}/{userID}/{uuid}{ext}`.
             *     Not on the seed page; present in openimsdk/protocol `InitiateFormDataReq` since December 2023.
             */
            absolute?: boolean;
            /**
             * @description File MIME type, such as `image/png`. When set, the form carries a `Content-Type` field the storage
             *     policy checks; when empty the content type is not constrained.
             * @example image/png
             */
            contentType?: string;
            /**
             * @description File group flag, used to distinguish business directories on the storage side; stored on the object record.
             * @example avatar
             */
            group?: string;
            /**
             * Format: int64
             * @description Validity of the upload credentials in milliseconds; leave out for the server default (10 minutes).
             *     Honoured only for an admin token; values <= 0 or a user token get the default.
             * @example 600000
             */
            millisecond?: number;
            /**
             * @description Object name, usually the file name. Must not start with `/` and must be valid UTF-8. With a user
             *     token it must start with `{userID}/`; only an admin may use any name (such as the seed's `avatar.png`).
             * @example u1/avatar.png
             */
            name: string;
            /**
             * Format: int64
             * @description File size in bytes; must be greater than 0. Storage policies (MinIO, OSS) cap the upload at this size.
             * @example 204800
             */
            size: number;
        };
        /** @description OpenIM envelope for initiate_form_data. `data` is present only when `errCode` is 0. */
        InitiateFormDataResponse: {
            data?: components["schemas"]["InitiateFormDataResult"];
            errCode: components["schemas"]["ErrCode"];
            errDlt: components["schemas"]["ErrDlt"];
            errMsg: components["schemas"]["ErrMsg"];
        };
        /** @description Everything needed to build the storage form POST. */
        InitiateFormDataResult: {
            /**
             * Format: int64
             * @description Credential expiry as a Unix timestamp in milliseconds (server time + validity).
             * @example 1715065020123
             */
            expires: number;
            /**
             * @description Form field name for the file content; `file` for every backend. Send it as the last part.
             * @example file
             */
            file: string;
            /**
             * @description Form fields to append before the file, names and values verbatim. The key set depends on the
             *     backend (MinIO: `key, bucket, success_action_status, policy, x-amz-*`; COS: `policy, q-*`, `key`;
             *     OSS: `key, policy, OSSAccessKeyId, signature`; Kodo: `key, token`). Left out when empty.
             */
            formData?: {
                [key: string]: string;
            };
            /**
             * @description HTTP headers to add to the storage request. Every current backend returns none, so in practice
             *     this is `null` (the field is always present). Do not set `Content-Type` from here by hand on a
             *     multipart request: the multipart boundary must stay in it.
             */
            header: components["schemas"]["KeyValues"][] | null;
            /**
             * @description Upload task id to pass to complete_form_data. It is RawStd (unpadded) base64 of the JSON
             *     `{name, size, contentType, group, key}`; it is not signed, so treat it as opaque and do not edit it.
             */
            id: string;
            /**
             * @description HTTP statuses of the storage POST that mean success; `[200]` for every backend.
             * @example [
             *       200
             *     ]
             */
            successCodes: number[];
            /**
             * Format: uri
             * @description Third-party storage direct upload address (the form POST target).
             */
            url: string;
        };
        InitiateMultipartUploadRequest: {
            /** @description Business group stored on the object record (like `group` of initiate_form_data). */
            cause?: string;
            /** @description MIME type stored on the object record. */
            contentType?: string;
            /** @description MD5 of the part MD5s (lowercase hex) joined with `,`; the storage key and the dedupe key. */
            hash: components["schemas"]["Md5Hex"];
            /**
             * Format: int32
             * @description How many parts to sign in the answer (the SDK asks for min(20, parts)); -1 signs them all.
             */
            maxParts: number;
            name: components["schemas"]["ObjectName"];
            /**
             * Format: int64
             * @description The part size derived from part_limit; the server answers with the one it derives itself.
             */
            partSize: number;
            /**
             * Format: int64
             * @description File size in bytes.
             */
            size: number;
            /**
             * @deprecated
             * @description In InitiateMultipartUploadReq but unused; the server builds the object URL from its own API address.
             */
            urlPrefix?: string;
        };
        /** @description OpenIM envelope for initiate_multipart_upload. `data` is present only when `errCode` is 0. */
        InitiateMultipartUploadResponse: {
            data?: components["schemas"]["InitiateMultipartUploadResult"];
            errCode: components["schemas"]["ErrCode"];
            errDlt: components["schemas"]["ErrDlt"];
            errMsg: components["schemas"]["ErrMsg"];
        };
        InitiateMultipartUploadResult: {
            /** @description The new upload; absent (or null) when content with this hash is already stored. */
            upload?: components["schemas"]["UploadInfo"] | null;
            /** @description The object's OpenIM URL when the content is already stored (then `upload` is absent); else empty. */
            url?: string;
        };
        /** @description One HTTP header to add to the storage request, with all its values. */
        KeyValues: {
            /** @description Header name. */
            key: string;
            /** @description Header values, in order. */
            values: string[];
        };
        /**
         * @description An MD5 digest as 32 lowercase hex digits. The server checks it itself (errCode 500 "invalid md5" for
         *     initiate; a wrong part list gives "md5 mismatching" on complete), so the schema does not constrain it.
         */
        Md5Hex: string;
        /**
         * @description Object name the record is kept under. At most 1024 bytes of UTF-8 (checkValidObjectNamePrefix in
         *     open-im-server `internal/rpc/third/tool.go` counts bytes), must not start with `/`; with a user token it
         *     must start with `{userID}/`.
         * @example u1/video.mp4
         */
        ObjectName: string;
        /** @description PartLimitReq (third.proto) has no fields. */
        PartLimitRequest: Record<string, never>;
        /** @description OpenIM envelope for part_limit. `data` is present only when `errCode` is 0. */
        PartLimitResponse: {
            data?: components["schemas"]["PartLimitResult"];
            errCode: components["schemas"]["ErrCode"];
            errDlt: components["schemas"]["ErrDlt"];
            errMsg: components["schemas"]["ErrMsg"];
        };
        PartLimitResult: {
            /**
             * Format: int32
             * @description Most parts one upload may have.
             */
            maxNumSize: number;
            /**
             * Format: int64
             * @description Largest part, in bytes.
             */
            maxPartSize: number;
            /**
             * Format: int64
             * @description Smallest size of every part but the last, in bytes.
             */
            minPartSize: number;
        };
        SignPart: {
            /** @description Headers of this part, set after the common ones (MinIO puts the SigV4 headers here). */
            header?: components["schemas"]["KeyValues"][] | null;
            /** Format: int32 */
            partNumber: number;
            /** @description Query items of this part, set after the common ones. */
            query?: components["schemas"]["KeyValues"][] | null;
            /** @description The part's own URL; empty means the common `url`. */
            url?: string;
        };
        UploadInfo: {
            /**
             * Format: int64
             * @description When the upload expires, Unix milliseconds.
             */
            expireTime: number;
            /**
             * Format: int64
             * @description The part size the server derived; a client with another one must stop (the SDK errors).
             */
            partSize: number;
            /** @description Signed requests for the first `maxParts` parts; absent or null when none were asked for. */
            sign?: components["schemas"]["AuthSignParts"] | null;
            /** @description Opaque; pass it to auth_sign and complete_multipart_upload unchanged. */
            uploadID: string;
        };
    };
    responses: {
        /**
         * @description Sent only by a gateway or reverse proxy in front of OpenIM (e.g. 413 body too large, 404 unknown route
         *     from the router), never for a business error: OpenIM itself reports every error as HTTP 200 with a
         *     non-zero `errCode` in the envelope. The body is whatever the proxy produces, usually plain text or HTML.
         */
        ProxyError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example 404 page not found */
                "text/plain": string;
            };
        };
    };
    parameters: {
        /**
         * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
         *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
         * @example 1646445464564
         */
        OperationID: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authSign: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
                 *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
                 * @example 1646445464564
                 */
                operationID: components["parameters"]["OperationID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthSignRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["ProxyError"];
            /** @description Envelope. `errCode` 0 with `data` on success, otherwise an error without `data`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSignResponse"];
                };
            };
        };
    };
    completeFormData: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
                 *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
                 * @example 1646445464564
                 */
                operationID: components["parameters"]["OperationID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteFormDataRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["ProxyError"];
            /** @description Envelope. `errCode` 0 with `data` on success, otherwise an error without `data`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompleteFormDataResponse"];
                };
            };
        };
    };
    completeMultipartUpload: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
                 *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
                 * @example 1646445464564
                 */
                operationID: components["parameters"]["OperationID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteMultipartUploadRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["ProxyError"];
            /** @description Envelope. `errCode` 0 with `data` on success, otherwise an error without `data`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompleteMultipartUploadResponse"];
                };
            };
        };
    };
    initiateFormData: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
                 *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
                 * @example 1646445464564
                 */
                operationID: components["parameters"]["OperationID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InitiateFormDataRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["ProxyError"];
            /** @description Envelope. `errCode` 0 with `data` on success, otherwise an error without `data`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiateFormDataResponse"];
                };
            };
        };
    };
    initiateMultipartUpload: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
                 *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
                 * @example 1646445464564
                 */
                operationID: components["parameters"]["OperationID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InitiateMultipartUploadRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["ProxyError"];
            /** @description Envelope. `errCode` 0 with `data` on success, otherwise an error without `data`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiateMultipartUploadResponse"];
                };
            };
        };
    };
    partLimit: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Trace id for the whole call chain. Required on every call (missing: errCode 1001
                 *     "header must have operationID"). Send a fresh value per request; a millisecond timestamp is recommended.
                 * @example 1646445464564
                 */
                operationID: components["parameters"]["OperationID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartLimitRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["ProxyError"];
            /** @description Envelope. `errCode` 0 with `data` on success, otherwise an error without `data`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartLimitResponse"];
                };
            };
        };
    };
}
