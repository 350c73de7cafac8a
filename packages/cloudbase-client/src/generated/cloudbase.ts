// generated from specs/cloudbase/openapi.yaml: do not edit. Run `pnpm generate` to refresh.

export interface paths {
    "/v1/storages/delete-objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete objects
         * @description Batch delete stored objects. The Chinese docs page shows the path as `/delete-objects`; the English
         *     page's `/v1/storages/delete-objects` matches the other storage calls and is used here.
         */
        post: operations["deleteObjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/storages/get-objects-download-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get object download information
         * @description Batch obtain temporary download URLs for stored objects.
         */
        post: operations["getObjectsDownloadInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/storages/get-objects-upload-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get object upload information
         * @description Batch obtain what is needed to upload each object straight to COS. Subject to the bucket's basic
         *     permissions and security rules (`STORAGE_EXCEED_AUTHORITY`) and to identity authorization
         *     (`ACTION_FORBIDDEN`).
         */
        post: operations["getObjectsUploadInfo"];
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
        /**
         * @description CloudBase file id, `cloud://{envId}.{bucket}/{path}`.
         * @example cloud://your-envId.bucket/filename.jpg
         */
        CloudObjectId: string;
        /** @description This object could not be deleted; the id is echoed back. */
        DeleteObjectsItemError: {
            cloudObjectId: components["schemas"]["CloudObjectId"];
            code: components["schemas"]["ErrorCode"];
            /** @description Human-readable reason. */
            message: string;
        };
        DeleteObjectsRequestItem: {
            cloudObjectId: components["schemas"]["CloudObjectId"];
        };
        /** @description The object was deleted. Carries no `code`. */
        DeleteObjectsSuccessItem: {
            cloudObjectId: components["schemas"]["CloudObjectId"];
            /** @description Never present on a success item; its presence marks a DeleteObjectsItemError. */
            code?: unknown;
        };
        DownloadInfoRequestItem: {
            cloudObjectId: components["schemas"]["CloudObjectId"];
            /**
             * Format: int64
             * @description Validity of the download URL in seconds.
             */
            maxAge?: number;
        };
        DownloadInfoSuccessItem: {
            cloudObjectId: components["schemas"]["CloudObjectId"];
            /**
             * Format: uri
             * @description Temporary download URL (not URL-encoded).
             */
            downloadUrl: string;
            /**
             * Format: uri
             * @description The same URL, URL-encoded.
             */
            downloadUrlEncoded: string;
        };
        /**
         * @description CloudBase error code. Known values:
         *
         *     | code | where | meaning |
         *     |---|---|---|
         *     | STORAGE_EXCEED_AUTHORITY | item | blocked by the bucket's basic permissions or security rules |
         *     | ACTION_FORBIDDEN | item or call | blocked by identity authorization |
         *     | COS_ACTION_FAILED | item | the COS operation behind the item failed |
         *     | INVALID_PARAM | item | malformed item (e.g. bad cloudObjectId) |
         *     | OBJECT_NOT_EXIST | item | the object does not exist (delete) |
         *     | OBJECT_ALREADY_EXIST | item | the object already exists and the operation cannot be performed on it |
         *     | OBJECT_BATCH_TOO_LARGE | call | too many items in one call: send fewer per call (the limit is not published) |
         *     | MISSING_CREDENTIALS | call | no `Authorization` header |
         *     | BAD_REQUEST | call | malformed request |
         *     | ENV_ABNORMAL | call | the environment is suspended or in an abnormal state |
         *     | INVALID_ENV_ID | call | unknown environment id |
         *     | INVALID_HOST | call | the host is not a valid gateway domain |
         *     | INVALID_PATH | call | unknown API path |
         *     | SERVICE_FORBIDDEN | call | the service is disabled for this environment |
         * @example COS_ACTION_FAILED
         * @example OBJECT_NOT_EXIST
         * @example MISSING_CREDENTIALS
         */
        ErrorCode: string;
        /** @description Body of a non-200 answer. */
        ErrorResponse: {
            code: components["schemas"]["ErrorCode"];
            /** @description Human-readable reason. */
            message: string;
            /** @description Request id (also in the `X-Request-Id` header). */
            requestId?: string;
        };
        /** @description This request item failed; the others may still have succeeded. It does not echo the item's id. */
        ItemError: {
            code: components["schemas"]["ErrorCode"];
            /** @description Human-readable reason. */
            message: string;
        };
        UploadInfoRequestItem: {
            /**
             * @description Object path inside the environment's bucket, e.g. `dir/file.jpg`.
             * @example dirname/filename.jpg
             */
            objectId: string;
            /**
             * @description Extra request headers (lower-case name to values) that the returned COS `authorization` is
             *     computed over. Send exactly these headers and values on the upload PUT, or COS answers
             *     `SignatureDoesNotMatch`.
             */
            signedHeader?: {
                [key: string]: string[];
            };
        };
        /** @description What is needed to upload one object with `PUT {uploadUrl}`. */
        UploadInfoSuccessItem: {
            /** @description COS signature (`q-sign-algorithm=sha1&q-ak=...`); send it as the `Authorization` header of the PUT. */
            authorization: string;
            cloudObjectId: components["schemas"]["CloudObjectId"];
            /** @description Object metadata; send it as the `X-Cos-Meta-Fileid` header of the PUT. */
            cloudObjectMeta: string;
            /**
             * Format: uri
             * @description Download URL of the object once uploaded (not URL-encoded).
             */
            downloadUrl: string;
            /**
             * Format: uri
             * @description The same download URL, URL-encoded.
             */
            downloadUrlEncoded: string;
            /** @description Object id of this request item (may include the directory, e.g. `dirname/filename.jpg`). */
            objectId: string;
            /** @description Temporary COS session token; send it as the `X-Cos-Security-Token` header of the PUT. */
            token: string;
            /**
             * Format: uri
             * @description COS URL to `PUT` the bytes to.
             */
            uploadUrl: string;
        };
    };
    responses: {
        /**
         * @description The whole call failed (credentials, environment, host, path, malformed body). The exact HTTP status of
         *     each code is not documented (`x-inferred`): expect 400, 401, 403 or 404 for client errors and 5xx for
         *     gateway failures.
         */
        GatewayError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Request id assigned by the gateway; quote it when asking Tencent support. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    deleteObjects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteObjectsRequestItem"][];
            };
        };
        responses: {
            "4XX": components["responses"]["GatewayError"];
            "5XX": components["responses"]["GatewayError"];
            /** @description One result per request item, in request order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["DeleteObjectsSuccessItem"] | components["schemas"]["DeleteObjectsItemError"])[];
                };
            };
        };
    };
    getObjectsDownloadInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DownloadInfoRequestItem"][];
            };
        };
        responses: {
            "4XX": components["responses"]["GatewayError"];
            "5XX": components["responses"]["GatewayError"];
            /** @description One result per request item, in request order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["DownloadInfoSuccessItem"] | components["schemas"]["ItemError"])[];
                };
            };
        };
    };
    getObjectsUploadInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadInfoRequestItem"][];
            };
        };
        responses: {
            "4XX": components["responses"]["GatewayError"];
            "5XX": components["responses"]["GatewayError"];
            /** @description One result per request item, in request order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["UploadInfoSuccessItem"] | components["schemas"]["ItemError"])[];
                };
            };
        };
    };
}
