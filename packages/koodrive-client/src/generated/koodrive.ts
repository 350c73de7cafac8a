// generated from specs/koodrive/openapi.yaml: do not edit. Run `pnpm generate` to refresh.

export interface paths {
    "/koodrive/ose/v1/files/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge the parts and check file integrity
         * @description Combines the uploaded parts and checks the file's integrity: the midstate chain (each part's resulting
         *     state must equal the next part's `hashCtx`) and the final SHA-256. A mismatch answers
         *     `13000402 FILE_COMPLETE_CHECK_FAILURE` (where exactly the chain is checked is not published; the
         *     mapping to 13000402 is an inference).
         */
        post: operations["completeFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/koodrive/ose/v1/files/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create file metadata in multipart mode
         * @description Creates the file record before its parts are uploaded. With the whole-file `sha256` the service may answer a
         *     flash upload (`rapidUpload: true`), and with `autoRename` 4 `exist: true`; both end the upload with no parts
         *     sent. Fields from the public createFile guide page.
         */
        post: operations["createFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/koodrive/ose/v1/files/multipart/uploadUrl": {
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
         * @description Generates the pre-signed PUT URL of each listed part. In concurrent mode each part after the first sends
         *     `hashCtx` and `partOffset`; in serial mode no part sends them, and the parts are PUT in order. The response
         *     echoes them and signs them into `uploadUrl`
         *     (`X-Amz-Iteration-Hash-Ctx`, base64 JSON `{md_len, num, h, nh, nl, hash_type}`), so the context cannot be
         *     changed after the URL is issued. The PUT must send `Content-Length` equal to `partSize` (it is a signed
         *     header).
         */
        post: operations["getMultipartUploadUrl"];
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
        CompleteFileRequest: {
            /** @description File ID returned by `createFile`. */
            fileId: string;
            /**
             * @description Whole-file SHA-256 in hex, when not sent at `createFile`. A serial upload needs it at one of the two:
             *     its parts carry no state, so the digest is the only check of their content (inference).
             */
            sha256?: string;
        };
        CompleteFileResponse: {
            code: components["schemas"]["ResultCode"];
            /** @description Response message. */
            msg?: string;
        };
        CreateFileRequest: {
            /**
             * Format: int32
             * @description Name conflict handling: 2 force rename (a timestamp is appended), 3 refuse, 4 automatic (same name and
             *     same sha256 creates nothing, otherwise like 2).
             * @enum {integer}
             */
            autoRename: 2 | 3 | 4;
            /**
             * Format: date-time
             * @description Creation time of the file.
             */
            createdTime?: string;
            /** @description File description. */
            description?: string;
            /**
             * @description File name. Must not contain `<>|:"*?/` and must not be `.`, `..` or empty. The zh page allows 250
             *     characters, the en page 80; this spec follows the larger.
             */
            fileName: string;
            /**
             * @description Business-defined file type. The carrier zh docs list 15 image, 20 video, 26 word, 27 excel, 28 ppt,
             *     30 audio, 35 archive, 40 app, 45 other.
             */
            fileType: string;
            /**
             * Format: int64
             * @description File size in bytes; at most 5 GB for `put` and 200 GB for `multipart`.
             */
            length: number;
            /** @description MIME type of the file. */
            mimeType?: string;
            /** @description Part list, same object as in `getMultipartUploadUrl`. */
            multiParts?: components["schemas"]["MultiPartInfo"][];
            /** @description Parent folder IDs; `["root"]` for the root folder. Only the first entry is used. */
            parentFolder: string[];
            /** @description Whole-file SHA-256 in hex; checked at completion. */
            sha256?: string;
            /**
             * @description Upload mode. `multipart` for part uploads; older en docs also list `put`.
             * @enum {string}
             */
            uploadMode: "multipart" | "put";
            /**
             * Format: int32
             * @description 0 normal (not supported yet), 1 multipart, 2 multi-version (not supported).
             * @enum {integer}
             */
            uploadType: 0 | 1 | 2;
        };
        /**
         * @description Fields per the createFile guide page's response table (https://support.huaweicloud.com/intl/en-us/api-koodrive/createFile.html):
         *     `fileId, rapidUpload, containerId, fileName, uploadId, parentFolder, exist, multiParts, code, msg`. Which
         *     of them are always present is not shown; clients rely on `code` and `fileId` only. A flash upload
         *     (`rapidUpload: true`: the whole-file `sha256` sent at create is known) is complete at once, with no parts to
         *     send; `exist: true` (`autoRename: 4`, same name and same sha256) means the file is already there.
         */
        CreateFileResponse: {
            code: components["schemas"]["ResultCode"];
            /** @description ID of the space (container) holding the file. */
            containerId?: string;
            /** @description True when `autoRename` 4 found the same name with the same sha256; nothing was created. */
            exist?: boolean;
            /** @description ID of the created (or, with `exist`, the existing) file, used by the following calls. */
            fileId: string;
            /** @description Final file name (it differs from the request after an automatic rename). */
            fileName?: string;
            /** @description Response message. */
            msg?: string;
            /** @description Parts whose upload URLs are returned right away. */
            multiParts?: components["schemas"]["MultiPartInfo"][];
            /** @description Parent folder IDs, as in the request. */
            parentFolder?: string[];
            /** @description True when the service already held the content (flash upload): the file is complete, send no parts. */
            rapidUpload?: boolean;
            /** @description Multipart upload task ID of the backing object store; absent after a flash upload. */
            uploadId?: string;
        };
        /** @description Error envelope; `code` is never 0. */
        ErrorResponse: {
            code: components["schemas"]["ResultCode"];
            /** @description Error name or human-readable message. */
            msg: string;
        };
        GetMultipartUploadUrlRequest: {
            /** @description File ID returned by `createFile`. */
            fileId: string;
            /** @description Parts to get upload URLs for. */
            multiParts: components["schemas"]["MultiPartInfo"][];
        };
        GetMultipartUploadUrlResponse: {
            code: components["schemas"]["ResultCode"];
            /** @description Response message. */
            msg?: string;
            /** @description Multipart information with `uploadUrl` filled in. */
            multiParts?: components["schemas"]["MultiPartInfo"][];
        };
        /**
         * @description SHA-256 midstate after all bytes before this part: the eight 32-bit state words h0..h7, each an unsigned
         *     value sent as a JSON integer (the docs type it "Array of longs"). Only for concurrent multipart upload,
         *     where it is mandatory for every part except the first. The state is complete only because `partOffset`
         *     is a multiple of 64 (no buffered bytes).
         */
        HashCtx: number[];
        /**
         * @description One part of a multipart upload, as sent and as returned (the response adds `uploadUrl`, `partId`). A part
         *     with `partOffset` and `hashCtx` is a concurrent part; a part with neither is a serial one, which starts where
         *     the previous part ends, so serial parts are PUT one at a time in order and only the whole-file `sha256` at
         *     complete checks their content.
         */
        MultiPartInfo: {
            hashCtx?: components["schemas"]["HashCtx"];
            /** @description Returned only. Part object ID. */
            readonly partId?: string;
            /**
             * Format: int32
             * @description Part number, starting at 1. The upper bound is the S3 limit of the backing object store (inference).
             */
            partNumber: number;
            /**
             * Format: int64
             * @description Total length in bytes of all data before this part. Only for concurrent multipart upload (omitted for
             *     serial parts); a multiple of 64 because the sizes of all parts except the last are.
             */
            partOffset?: number;
            /**
             * Format: int64
             * @description Part length in bytes. Range [5,242,880, 5,368,709,120] for every part but the last, which may be
             *     [0, 5,368,709,120]. In concurrent mode every part except the last must also be a multiple of 64 bytes.
             */
            partSize: number;
            /**
             * Format: uri
             * @description Returned only. Pre-signed URL (AWS SigV4 query auth, valid `X-Amz-Expires` seconds) to PUT the part to,
             *     with `Content-Length` equal to `partSize`. It embeds `X-Amz-Iteration-Hash-Ctx`: URL-encoded base64
             *     of `{"md_len":32,"num":0,"h":[...hashCtx],"nh":hi32(partOffset*8),"nl":lo32(partOffset*8),"hash_type":"sha256"}`.
             */
            readonly uploadUrl?: string;
        };
        /**
         * @description Result code: `0` (or `"0"`; the complete page types it as String) means success. Known error codes
         *     (https://support.huaweicloud.com/intl/en-us/api-koodrive/koodrive_05_0026.html):
         *
         *     | code | name | action |
         *     |---|---|---|
         *     | 13000101 | Bad Request | fix the request |
         *     | 13000102 | PARAMETER_INVALID | fix the parameter |
         *     | 13000201 | INNER_INVOKE_FAILURE | retry |
         *     | 13000301 | CONTAINER_NOT_EXIST_OR_STATE_ERROR | check the user's space |
         *     | 13000302 | FILE_NOT_IN_SPECIFIED_CONTAINER | check the file and folder |
         *     | 13000401 | NOT_EXIST_UPLOAD_TASK | create the upload task again |
         *     | 13000402 | FILE_COMPLETE_CHECK_FAILURE | upload the whole file again |
         *     | 13000403 | CHANGE_FILE_STATE_FAILURE | retry |
         *
         *     The HTTP status that accompanies each error code is not published: the statuses in this spec are an
         *     inference, and a client must treat any `code` other than 0 as an error whatever the status.
         * @example 0
         * @example 13000402
         */
        ResultCode: number | string;
    };
    responses: {
        /** @description The request was rejected (`13000101` Bad Request, `13000102` PARAMETER_INVALID). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13000102,
                 *       "msg": "PARAMETER_INVALID"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The user's space is missing or abnormal (`13000301`) or the file is not in the given container
         *     (`13000302`).
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13000301,
                 *       "msg": "CONTAINER_NOT_EXIST_OR_STATE_ERROR"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description `13000402` FILE_COMPLETE_CHECK_FAILURE: the midstate chain or the whole-file SHA-256 did not match;
         *     upload the whole file again.
         */
        IntegrityCheckFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13000402,
                 *       "msg": "FILE_COMPLETE_CHECK_FAILURE"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `13000401` NOT_EXIST_UPLOAD_TASK: the upload task does not exist; create the file again. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13000401,
                 *       "msg": "NOT_EXIST_UPLOAD_TASK"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Internal failure: `13000201` INNER_INVOKE_FAILURE or `13000403` CHANGE_FILE_STATE_FAILURE; both can be
         *     retried.
         */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13000201,
                 *       "msg": "INNER_INVOKE_FAILURE"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The access token or the app signature was rejected. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13000101,
                 *       "msg": "Bad Request"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description Address of the service; signed by app authentication. HTTP clients always send it, so it is not a
         *     parameter the caller sets.
         * @example intl.myhuaweicloud-koodrive.com
         */
        Host: string;
        /**
         * @description Language code following the internationalization specifications, e.g. `en-US` (the default). The carrier
         *     edition of the docs writes `en_us`.
         * @example en-US
         */
        Language: string;
        /**
         * @description ID of a shared folder the operation runs inside (documented since 2025-10).
         * @example Fsh1nx2kYHmsgWg5whxzYHZLL7meb
         */
        ShareFolderId: string;
        /**
         * @description Request time in UTC, format `yyyyMMdd'T'HHmmss'Z'` (e.g. `20251103T070140Z`). Must be within 15 minutes
         *     of the server clock and not later than it. Signed by app authentication.
         * @example 20251103T070140Z
         */
        XDate: string;
        /**
         * @description Message log trace ID. The docs say the value "contains 58 bits" (zh: "必须58位"); read as 58 characters.
         * @example 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6
         */
        XTraceid: string;
        /**
         * @description KooDrive user ID; signed by app authentication and required with both authentication forms.
         * @example 1020304050607080
         */
        XUserId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    completeFile: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Address of the service; signed by app authentication. HTTP clients always send it, so it is not a
                 *     parameter the caller sets.
                 * @example intl.myhuaweicloud-koodrive.com
                 */
                Host?: components["parameters"]["Host"];
                /**
                 * @description Language code following the internationalization specifications, e.g. `en-US` (the default). The carrier
                 *     edition of the docs writes `en_us`.
                 * @example en-US
                 */
                language?: components["parameters"]["Language"];
                /**
                 * @description Request time in UTC, format `yyyyMMdd'T'HHmmss'Z'` (e.g. `20251103T070140Z`). Must be within 15 minutes
                 *     of the server clock and not later than it. Signed by app authentication.
                 * @example 20251103T070140Z
                 */
                "X-Date": components["parameters"]["XDate"];
                /**
                 * @description ID of a shared folder the operation runs inside (documented since 2025-10).
                 * @example Fsh1nx2kYHmsgWg5whxzYHZLL7meb
                 */
                "x-hw-share-folder-id"?: components["parameters"]["ShareFolderId"];
                /**
                 * @description Message log trace ID. The docs say the value "contains 58 bits" (zh: "必须58位"); read as 58 characters.
                 * @example 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6
                 */
                "X-Traceid"?: components["parameters"]["XTraceid"];
                /**
                 * @description KooDrive user ID; signed by app authentication and required with both authentication forms.
                 * @example 1020304050607080
                 */
                "X-User-Id": components["parameters"]["XUserId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "fileId": "FiqNn2HCXb0BkG7aH5sXyXJpQqLr3Vd0W"
                 *     }
                 */
                "application/json": components["schemas"]["CompleteFileRequest"];
            };
        };
        responses: {
            /** @description Parts merged and the file checked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 0,
                     *       "msg": "success."
                     *     }
                     */
                    "application/json": components["schemas"]["CompleteFileResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IntegrityCheckFailed"];
            500: components["responses"]["ServerError"];
        };
    };
    createFile: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Address of the service; signed by app authentication. HTTP clients always send it, so it is not a
                 *     parameter the caller sets.
                 * @example intl.myhuaweicloud-koodrive.com
                 */
                Host?: components["parameters"]["Host"];
                /**
                 * @description Language code following the internationalization specifications, e.g. `en-US` (the default). The carrier
                 *     edition of the docs writes `en_us`.
                 * @example en-US
                 */
                language?: components["parameters"]["Language"];
                /**
                 * @description Request time in UTC, format `yyyyMMdd'T'HHmmss'Z'` (e.g. `20251103T070140Z`). Must be within 15 minutes
                 *     of the server clock and not later than it. Signed by app authentication.
                 * @example 20251103T070140Z
                 */
                "X-Date": components["parameters"]["XDate"];
                /**
                 * @description ID of a shared folder the operation runs inside (documented since 2025-10).
                 * @example Fsh1nx2kYHmsgWg5whxzYHZLL7meb
                 */
                "x-hw-share-folder-id"?: components["parameters"]["ShareFolderId"];
                /**
                 * @description Message log trace ID. The docs say the value "contains 58 bits" (zh: "必须58位"); read as 58 characters.
                 * @example 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6
                 */
                "X-Traceid"?: components["parameters"]["XTraceid"];
                /**
                 * @description KooDrive user ID; signed by app authentication and required with both authentication forms.
                 * @example 1020304050607080
                 */
                "X-User-Id": components["parameters"]["XUserId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "fileName": "video.mp4",
                 *       "fileType": "20",
                 *       "parentFolder": [
                 *         "root"
                 *       ],
                 *       "length": 524288000,
                 *       "uploadMode": "multipart",
                 *       "uploadType": 1,
                 *       "autoRename": 2,
                 *       "multiParts": [
                 *         {
                 *           "partNumber": 1,
                 *           "partSize": 10485760,
                 *           "partOffset": 0
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateFileRequest"];
            };
        };
        responses: {
            /** @description File created; parts can be uploaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 0,
                     *       "msg": "Success.",
                     *       "fileId": "Fqo2kYHmsgWg5whxzYHZLL7mebXbBr1no",
                     *       "fileName": "video.mp4",
                     *       "uploadId": "0000019039E1E8520006EBE63B492EDB",
                     *       "multiParts": [
                     *         {
                     *           "partNumber": 1,
                     *           "partSize": 10485760,
                     *           "partOffset": 0,
                     *           "uploadUrl": "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=1&uploadId=0000019039E1E8520006EBE63B492EDB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CreateFileResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    getMultipartUploadUrl: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Address of the service; signed by app authentication. HTTP clients always send it, so it is not a
                 *     parameter the caller sets.
                 * @example intl.myhuaweicloud-koodrive.com
                 */
                Host?: components["parameters"]["Host"];
                /**
                 * @description Language code following the internationalization specifications, e.g. `en-US` (the default). The carrier
                 *     edition of the docs writes `en_us`.
                 * @example en-US
                 */
                language?: components["parameters"]["Language"];
                /**
                 * @description Request time in UTC, format `yyyyMMdd'T'HHmmss'Z'` (e.g. `20251103T070140Z`). Must be within 15 minutes
                 *     of the server clock and not later than it. Signed by app authentication.
                 * @example 20251103T070140Z
                 */
                "X-Date": components["parameters"]["XDate"];
                /**
                 * @description ID of a shared folder the operation runs inside (documented since 2025-10).
                 * @example Fsh1nx2kYHmsgWg5whxzYHZLL7meb
                 */
                "x-hw-share-folder-id"?: components["parameters"]["ShareFolderId"];
                /**
                 * @description Message log trace ID. The docs say the value "contains 58 bits" (zh: "必须58位"); read as 58 characters.
                 * @example 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6
                 */
                "X-Traceid"?: components["parameters"]["XTraceid"];
                /**
                 * @description KooDrive user ID; signed by app authentication and required with both authentication forms.
                 * @example 1020304050607080
                 */
                "X-User-Id": components["parameters"]["XUserId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "fileId": "Fqo2kYHmsgWg5whxzYHZLL7mebXbBr1no",
                 *       "multiParts": [
                 *         {
                 *           "hashCtx": [
                 *             1748048713,
                 *             2644528514,
                 *             4267727253,
                 *             2252747490,
                 *             4036182088,
                 *             2253856463,
                 *             526139147,
                 *             2194267752
                 *           ],
                 *           "partNumber": 46,
                 *           "partOffset": 471859200,
                 *           "partSize": 10485760
                 *         },
                 *         {
                 *           "hashCtx": [
                 *             1606212,
                 *             1743131457,
                 *             2392241618,
                 *             605997363,
                 *             3054356113,
                 *             673008609,
                 *             3509469858,
                 *             2186398707
                 *           ],
                 *           "partNumber": 47,
                 *           "partOffset": 482344960,
                 *           "partSize": 10485760
                 *         },
                 *         {
                 *           "hashCtx": [
                 *             3734586607,
                 *             1407828785,
                 *             3243195625,
                 *             3451635323,
                 *             4031416500,
                 *             3005674269,
                 *             2829389145,
                 *             3478923465
                 *           ],
                 *           "partNumber": 48,
                 *           "partOffset": 492830720,
                 *           "partSize": 10485760
                 *         },
                 *         {
                 *           "hashCtx": [
                 *             3677016828,
                 *             906610338,
                 *             3389225168,
                 *             2507561547,
                 *             1134075905,
                 *             3951513567,
                 *             1673174790,
                 *             3034719756
                 *           ],
                 *           "partNumber": 49,
                 *           "partOffset": 503316480,
                 *           "partSize": 10485760
                 *         },
                 *         {
                 *           "hashCtx": [
                 *             1827691250,
                 *             2956926651,
                 *             1801460777,
                 *             4119662276,
                 *             4162375117,
                 *             187866976,
                 *             1789369655,
                 *             278284511
                 *           ],
                 *           "partNumber": 50,
                 *           "partOffset": 513802240,
                 *           "partSize": 10485760
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["GetMultipartUploadUrlRequest"];
            };
        };
        responses: {
            /** @description Upload information of the requested parts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "multiParts": [
                     *         {
                     *           "partNumber": 46,
                     *           "partSize": 10485760,
                     *           "partOffset": 471859200,
                     *           "hashCtx": [
                     *             1748048713,
                     *             2644528514,
                     *             4267727253,
                     *             2252747490,
                     *             4036182088,
                     *             2253856463,
                     *             526139147,
                     *             2194267752
                     *           ],
                     *           "uploadUrl": "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=46&uploadId=0000019039E1E8520006EBE63B492EDB&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240621T082041Z&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=3600&X-Amz-Credential=MKRISPBZAJWFHNBJ5WLB%2F20240621%2Fcidc-rp-2006%2Fs3%2Faws4_request&X-Amz-Iteration-Hash-Ctx=eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlsxNzQ4MDQ4NzEzLDI2NDQ1Mjg1MTQsNDI2NzcyNzI1MywyMjUyNzQ3NDkwLDQwMzYxODIwODgsMjI1Mzg1NjQ2Myw1MjYxMzkxNDcsMjE5NDI2Nzc1Ml0sIm5oIjowLCJubCI6Mzc3NDg3MzYwMCwiaGFzaF90eXBlIjoic2hhMjU2In0%3D&X-Amz-Signature=d3e7f60f45c8fd3960e697c57bb7d1c386dd20940b860fd976ba77425767d65e"
                     *         },
                     *         {
                     *           "partNumber": 47,
                     *           "partSize": 10485760,
                     *           "partOffset": 482344960,
                     *           "hashCtx": [
                     *             1606212,
                     *             1743131457,
                     *             2392241618,
                     *             605997363,
                     *             3054356113,
                     *             673008609,
                     *             3509469858,
                     *             2186398707
                     *           ],
                     *           "uploadUrl": "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=47&uploadId=0000019039E1E8520006EBE63B492EDB&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240621T082041Z&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=3600&X-Amz-Credential=MKRISPBZAJWFHNBJ5WLB%2F20240621%2Fcidc-rp-2006%2Fs3%2Faws4_request&X-Amz-Iteration-Hash-Ctx=eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlsxNjA2MjEyLDE3NDMxMzE0NTcsMjM5MjI0MTYxOCw2MDU5OTczNjMsMzA1NDM1NjExMyw2NzMwMDg2MDksMzUwOTQ2OTg1OCwyMTg2Mzk4NzA3XSwibmgiOjAsIm5sIjozODU4NzU5NjgwLCJoYXNoX3R5cGUiOiJzaGEyNTYifQ%3D%3D&X-Amz-Signature=38980d3be00e528ee11c366ae69e950d673528203f3869a26f39dae42b4dabbb"
                     *         },
                     *         {
                     *           "partNumber": 48,
                     *           "partSize": 10485760,
                     *           "partOffset": 492830720,
                     *           "hashCtx": [
                     *             3734586607,
                     *             1407828785,
                     *             3243195625,
                     *             3451635323,
                     *             4031416500,
                     *             3005674269,
                     *             2829389145,
                     *             3478923465
                     *           ],
                     *           "uploadUrl": "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=48&uploadId=0000019039E1E8520006EBE63B492EDB&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240621T082041Z&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=3600&X-Amz-Credential=MKRISPBZAJWFHNBJ5WLB%2F20240621%2Fcidc-rp-2006%2Fs3%2Faws4_request&X-Amz-Iteration-Hash-Ctx=eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlszNzM0NTg2NjA3LDE0MDc4Mjg3ODUsMzI0MzE5NTYyNSwzNDUxNjM1MzIzLDQwMzE0MTY1MDAsMzAwNTY3NDI2OSwyODI5Mzg5MTQ1LDM0Nzg5MjM0NjVdLCJuaCI6MCwibmwiOjM5NDI2NDU3NjAsImhhc2hfdHlwZSI6InNoYTI1NiJ9&X-Amz-Signature=d5608f38d6afdfee117be1243870b63f46ff11676633e0630d122f0c4145e8ae"
                     *         },
                     *         {
                     *           "partNumber": 49,
                     *           "partSize": 10485760,
                     *           "partOffset": 503316480,
                     *           "hashCtx": [
                     *             3677016828,
                     *             906610338,
                     *             3389225168,
                     *             2507561547,
                     *             1134075905,
                     *             3951513567,
                     *             1673174790,
                     *             3034719756
                     *           ],
                     *           "uploadUrl": "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=49&uploadId=0000019039E1E8520006EBE63B492EDB&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240621T082041Z&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=3600&X-Amz-Credential=MKRISPBZAJWFHNBJ5WLB%2F20240621%2Fcidc-rp-2006%2Fs3%2Faws4_request&X-Amz-Iteration-Hash-Ctx=eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlszNjc3MDE2ODI4LDkwNjYxMDMzOCwzMzg5MjI1MTY4LDI1MDc1NjE1NDcsMTEzNDA3NTkwNSwzOTUxNTEzNTY3LDE2NzMxNzQ3OTAsMzAzNDcxOTc1Nl0sIm5oIjowLCJubCI6NDAyNjUzMTg0MCwiaGFzaF90eXBlIjoic2hhMjU2In0%3D&X-Amz-Signature=52eb71278fc9310f13a5b92641b5a726d0006be8dd89a242f9c4ce09c360e1f7"
                     *         },
                     *         {
                     *           "partNumber": 50,
                     *           "partSize": 10485760,
                     *           "partOffset": 513802240,
                     *           "hashCtx": [
                     *             1827691250,
                     *             2956926651,
                     *             1801460777,
                     *             4119662276,
                     *             4162375117,
                     *             187866976,
                     *             1789369655,
                     *             278284511
                     *           ],
                     *           "uploadUrl": "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=50&uploadId=0000019039E1E8520006EBE63B492EDB&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240621T082041Z&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=3600&X-Amz-Credential=MKRISPBZAJWFHNBJ5WLB%2F20240621%2Fcidc-rp-2006%2Fs3%2Faws4_request&X-Amz-Iteration-Hash-Ctx=eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlsxODI3NjkxMjUwLDI5NTY5MjY2NTEsMTgwMTQ2MDc3Nyw0MTE5NjYyMjc2LDQxNjIzNzUxMTcsMTg3ODY2OTc2LDE3ODkzNjk2NTUsMjc4Mjg0NTExXSwibmgiOjAsIm5sIjo0MTEwNDE3OTIwLCJoYXNoX3R5cGUiOiJzaGEyNTYifQ%3D%3D&X-Amz-Signature=154bcd4ad7774f20e196666d403bf3d4359dd151b9cb1cc1f604c6517c4a287b"
                     *         }
                     *       ],
                     *       "code": 0,
                     *       "msg": "Success."
                     *     }
                     */
                    "application/json": components["schemas"]["GetMultipartUploadUrlResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
}
