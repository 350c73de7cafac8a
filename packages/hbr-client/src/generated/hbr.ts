// generated from specs/hbr/openapi.yaml: do not edit. Run `pnpm generate` to refresh.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a signed OSS form for uploading a temporary file
         * @description RPC action `CreateTempFileUploadUrl`. Returns the bucket, endpoint, object key, OSS AccessKey ID, policy
         *     and signature for a browser-style OSS form upload of `FileName`. The request has no body.
         *
         *     **The upload that follows (OSS PostObject, not an HBR call):** `POST https://{BucketName}.{Endpoint}/`
         *     with `Content-Type: multipart/form-data` and these form fields, in this order:
         *
         *     | field | value |
         *     |---|---|
         *     | `key` | `TempFileKey` |
         *     | `OSSAccessKeyId` | `OssAccessKeyId` |
         *     | `policy` | `Policy` (base64 of the policy JSON) |
         *     | `Signature` | `Signature` (base64 HMAC-SHA1 of the policy, OSS signature V1) |
         *     | `success_action_status` | optional: `200`, `201` (XML `PostResponse`) or `204`, the default |
         *     | `file` | the file content; it must be **the last field** |
         *
         *     The object name is not in the URL. No `x-oss-security-token` field is needed because no token is
         *     returned (see `TempFileUploadUrl`). OSS answers 204/200 with an empty body (201 with XML) and an `ETag`
         *     header, or an XML `<Error>` (403 `AccessDenied` for a policy violation or an expired policy,
         *     `SignatureDoesNotMatch`...). The form must be used before `ExpireTime`.
         */
        post: operations["createTempFileUploadUrl"];
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
        /** @description A failure reported with HTTP 200 and `Success` false. */
        BusinessFailure: {
            /** @description The error code. */
            Code: string;
            /** @description What went wrong. */
            Message: string;
            /** @description The ID of the request. */
            RequestId: string;
            /**
             * @description Always false here.
             * @constant
             */
            Success: false;
        };
        /** @description Either the signed form (`Success` true) or a business failure (`Success` false). */
        CreateTempFileUploadUrlBody: components["schemas"]["TempFileUploadUrl"] | components["schemas"]["BusinessFailure"];
        /**
         * @description The Alibaba Cloud API gateway error body, sent with a 4xx or 5xx status. Clients should key on `Code`:
         *     the status of a given code is not documented for HBR. Known codes:
         *
         *     | Code | status | meaning |
         *     |---|---|---|
         *     | `MissingParameter` | 400 | a required parameter (e.g. `FileName`) is missing |
         *     | `InvalidParameter` | 400 | a parameter value is not valid |
         *     | `InvalidTimeStamp.Expired` | 400 | `x-acs-date` is too far from the server clock |
         *     | `SignatureNonceUsed` | 400 | `x-acs-signature-nonce` was used already |
         *     | `IncompleteSignature` | 400 | the Authorization header is malformed |
         *     | `Throttling`, `Throttling.User`, `Throttling.Api` | 400 | too many requests; retry later |
         *     | `SignatureDoesNotMatch` | 400 or 403 | the signature does not match the server's computation |
         *     | `InvalidSecurityToken.Expired`, `InvalidSecurityToken.MismatchWithAccessKey` | 403 | STS token problem |
         *     | `Forbidden.RAM`, `Forbidden` | 403 | the caller lacks permission |
         *     | `InvalidAccessKeyId.NotFound` | 404 | the AccessKey ID does not exist |
         *     | `InternalError` | 500 | server error; retry |
         *     | `ServiceUnavailable` | 503 | service unavailable; retry |
         */
        ErrorResponse: {
            /**
             * @description The error code.
             * @example SignatureDoesNotMatch
             */
            Code: string;
            /** @description The endpoint host that answered. */
            HostId?: string;
            /** @description What went wrong. */
            Message: string;
            /** @description A diagnosis URL. */
            Recommend?: string;
            /** @description The ID of the request. */
            RequestId: string;
        };
        /**
         * @description The signed OSS PostObject form. Every field of the seed page is listed; types follow the Java SDK model
         *     (`Code` is a string, `ExpireTime` a long).
         */
        TempFileUploadUrl: {
            /**
             * @description The OSS bucket that receives the file.
             * @example hbr-temp-bucket
             */
            BucketName: string;
            /**
             * @description The status code as a string; `"200"` means success.
             * @example 200
             */
            Code: string;
            /**
             * @description The OSS endpoint to upload to (host name without scheme).
             * @example oss-cn-shenzhen.aliyuncs.com
             */
            Endpoint: string;
            /**
             * Format: int64
             * @description When the form signature expires, Unix time in seconds.
             * @example 1654326678
             */
            ExpireTime: number;
            /**
             * @description "successful" on success.
             * @example successful
             */
            Message: string;
            /**
             * @description The AccessKey ID for the form (form field `OSSAccessKeyId`).
             * @example LTAI****Up
             */
            OssAccessKeyId: string;
            /**
             * @description The base64-encoded OSS policy (form field `policy`).
             * @example eyJleH****V19
             */
            Policy: string;
            /**
             * @description The ID of the request.
             * @example F4EEB401-DD21-588D-AE3B-1E835C7655E1
             */
            RequestId: string;
            /**
             * @description The OSS V1 signature of the policy, base64 (form field `Signature`).
             * @example RmhI****0A=
             */
            Signature: string;
            /**
             * @description Whether the call succeeded.
             * @constant
             */
            Success: true;
            /**
             * @description The object key to upload to (form field `key`), `temp/{uid}/upload/{yyyy-mm-dd}/{uuid}/{FileName}`.
             * @example temp/1440155109798732/upload/2022-07-29/49bed34c-b430-4e7e-89b1-4be2b734f95c/iaclone.diff
             */
            TempFileKey: string;
        };
    };
    responses: {
        /** @description A parameter, timestamp, nonce or the signature is not acceptable (`MissingParameter`, `InvalidParameter`, `InvalidTimeStamp.Expired`, `SignatureNonceUsed`, `Throttling*`...). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "RequestId": "7A2F1E3D-4B5C-5D6E-8F90-A1B2C3D4E5F6",
                 *       "HostId": "hbr.cn-hangzhou.aliyuncs.com",
                 *       "Code": "MissingParameter",
                 *       "Message": "The input parameter \"FileName\" that is mandatory for processing this request is not supplied.",
                 *       "Recommend": "https://api.aliyun.com/troubleshoot?q=MissingParameter&product=hbr"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Authentication or authorization failed (`SignatureDoesNotMatch`, `InvalidSecurityToken.*`, `Forbidden.RAM`). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "RequestId": "8B3A2F4E-5C6D-5E7F-9A01-B2C3D4E5F607",
                 *       "HostId": "hbr.cn-hangzhou.aliyuncs.com",
                 *       "Code": "SignatureDoesNotMatch",
                 *       "Message": "Specified signature is not matched with our calculation.",
                 *       "Recommend": "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=hbr"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The service failed (`InternalError`); retry. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "RequestId": "AD5C4B6A-7E8F-5091-B223-D4E5F6071829",
                 *       "HostId": "hbr.cn-hangzhou.aliyuncs.com",
                 *       "Code": "InternalError",
                 *       "Message": "The request processing has failed due to some unknown error, exception or failure."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The AccessKey ID does not exist (`InvalidAccessKeyId.NotFound`). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "RequestId": "9C4B3A5F-6D7E-5F80-A112-C3D4E5F60718",
                 *       "HostId": "hbr.cn-hangzhou.aliyuncs.com",
                 *       "Code": "InvalidAccessKeyId.NotFound",
                 *       "Message": "Specified access key is not found."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The service is temporarily unavailable (`ServiceUnavailable`); retry. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "RequestId": "BE6D5C7B-8F90-51A2-C334-E5F60718293A",
                 *       "HostId": "hbr.cn-hangzhou.aliyuncs.com",
                 *       "Code": "ServiceUnavailable",
                 *       "Message": "The request has failed due to a temporary failure of the server."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The AccessKey ID, sent together with `x-acs-security-token` by the official SDKs. */
        AccessKeyIdHeader: string;
        /** @description The RPC action. */
        Action: "CreateTempFileUploadUrl";
        /**
         * @description Lowercase hex SHA-256 of the request body; this action sends no body, so the value is the empty-input digest.
         * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
         */
        ContentSha256: string;
        /**
         * @description Request time in UTC, ISO 8601 `yyyy-MM-ddTHH:mm:ssZ`. Requests too far from the server clock are refused.
         * @example 2024-01-01T00:00:00Z
         */
        Date: string;
        /** @description The STS security token, only when calling with temporary (STS) credentials. */
        SecurityToken: string;
        /**
         * @description A value unique to each request (replay protection); a reused nonce answers `SignatureNonceUsed`.
         * @example 3f9b1c2e-6a4d-4e8f-9b7a-1c2d3e4f5a6b
         */
        SignatureNonce: string;
        /** @description The API version. */
        Version: "2017-09-08";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createTempFileUploadUrl: {
        parameters: {
            query: {
                /**
                 * @description The name of the file to be uploaded. It becomes the last segment of `TempFileKey`.
                 * @example file-list.txt
                 */
                FileName: string;
            };
            header: {
                /** @description The AccessKey ID, sent together with `x-acs-security-token` by the official SDKs. */
                "x-acs-accesskey-id"?: components["parameters"]["AccessKeyIdHeader"];
                /** @description The RPC action. */
                "x-acs-action": components["parameters"]["Action"];
                /**
                 * @description Lowercase hex SHA-256 of the request body; this action sends no body, so the value is the empty-input digest.
                 * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                 */
                "x-acs-content-sha256": components["parameters"]["ContentSha256"];
                /**
                 * @description Request time in UTC, ISO 8601 `yyyy-MM-ddTHH:mm:ssZ`. Requests too far from the server clock are refused.
                 * @example 2024-01-01T00:00:00Z
                 */
                "x-acs-date": components["parameters"]["Date"];
                /** @description The STS security token, only when calling with temporary (STS) credentials. */
                "x-acs-security-token"?: components["parameters"]["SecurityToken"];
                /**
                 * @description A value unique to each request (replay protection); a reused nonce answers `SignatureNonceUsed`.
                 * @example 3f9b1c2e-6a4d-4e8f-9b7a-1c2d3e4f5a6b
                 */
                "x-acs-signature-nonce": components["parameters"]["SignatureNonce"];
                /** @description The API version. */
                "x-acs-version": components["parameters"]["Version"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The signed OSS form (`Success: true`). A business failure may also answer HTTP 200 with
             *     `Success: false` and an error `Code` (`x-inferred`, see `BusinessFailure`).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTempFileUploadUrlBody"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
