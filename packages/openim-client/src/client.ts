import type { Client } from "openapi-fetch";
import {
  DirectUploadError,
  checkClientOptions,
  createOpenapiClient,
  errorMiddleware,
  expectData,
  type CallOptions,
  type ClientOptions,
  type Credential,
  vendorFetch,
} from "@direct-upload/client-core";
import type { paths } from "./generated/openim.js";
import { openimAuthMiddleware } from "./auth-middleware.js";
import { parseOpenimEnvelope } from "./envelope.js";
import { defaultOperationId } from "./operation-id.js";
import type {
  AuthSignRequest,
  AuthSignResult,
  CompleteFormDataRequest,
  CompleteFormDataResult,
  CompleteMultipartUploadRequest,
  CompleteMultipartUploadResult,
  InitiateFormDataRequest,
  InitiateFormDataResult,
  InitiateMultipartUploadRequest,
  InitiateMultipartUploadResult,
  OpenimSuccess,
  PartLimitResult,
} from "./types.js";

export interface OpenimClientOptions extends ClientOptions {
  /** The OpenIM API address, e.g. `http://127.0.0.1:10002`. */
  baseUrl: string;
  /** OpenIM token, or a function returning the current one (called before every request). */
  token: Credential;
  /** Makes the `operationID` of each request; defaults to a timestamp plus a random suffix. */
  operationId?: () => string;
}

export interface OpenimClient {
  /** The underlying openapi-fetch client, with the auth and error middleware installed. */
  readonly raw: Client<paths>;
  /** Gets the form upload credentials. Throws VendorApiError when `errCode` is not 0. */
  initiateFormData(body: InitiateFormDataRequest, options?: CallOptions): Promise<OpenimSuccess<InitiateFormDataResult>>;
  /** Confirms a finished storage upload and returns the object's OpenIM URL. */
  completeFormData(body: CompleteFormDataRequest, options?: CallOptions): Promise<OpenimSuccess<CompleteFormDataResult>>;
  /** The storage's part size bounds and most parts. */
  partLimit(options?: CallOptions): Promise<OpenimSuccess<PartLimitResult>>;
  /** Starts a multipart upload keyed by the MD5 of the part MD5s; an answer without `upload` means the content is stored. */
  initiateMultipartUpload(body: InitiateMultipartUploadRequest, options?: CallOptions): Promise<OpenimSuccess<InitiateMultipartUploadResult>>;
  /** Signs the PUT requests of some parts. */
  authSign(body: AuthSignRequest, options?: CallOptions): Promise<OpenimSuccess<AuthSignResult>>;
  /** Completes a multipart upload with the part MD5s in part order. */
  completeMultipartUpload(body: CompleteMultipartUploadRequest, options?: CallOptions): Promise<OpenimSuccess<CompleteMultipartUploadResult>>;
}

type Route =
  | "/object/initiate_form_data"
  | "/object/complete_form_data"
  | "/object/part_limit"
  | "/object/initiate_multipart_upload"
  | "/object/auth_sign"
  | "/object/complete_multipart_upload";

interface CheckedEnvelope<T> {
  errMsg: string;
  errDlt: string;
  data?: T;
}

/** The middleware has already thrown for `errCode != 0`; a success without `data` breaks the protocol. */
function success<T>(envelope: CheckedEnvelope<T>, operation: string): OpenimSuccess<T> {
  if (envelope.data === undefined) {
    throw new DirectUploadError("unexpected_response", `openim ${operation} answered errCode 0 without data`);
  }
  return { errCode: 0, errMsg: envelope.errMsg, errDlt: envelope.errDlt, data: envelope.data };
}

export function createOpenimClient(options: OpenimClientOptions): OpenimClient {
  const baseUrl = checkClientOptions({ vendor: "openim", baseUrl: options.baseUrl, required: { token: options.token }, timeoutMs: options.timeoutMs });
  const operationId = options.operationId ?? defaultOperationId;
  let lastToken: string | undefined;
  const raw = createOpenapiClient<paths>({ baseUrl, fetch: vendorFetch(options) });
  raw.use(
    openimAuthMiddleware(options.token, operationId, (token) => (lastToken = token)),
    errorMiddleware("openim", parseOpenimEnvelope, () => [lastToken], { replies: () => import("./generated/openim-replies.js").then((module) => module.replyValidators) }),
  );

  /** Every call is a POST with a fresh operationID; the middleware has turned a non-zero errCode into an error. */
  async function post<T>(path: Route, body: unknown, call: CallOptions): Promise<OpenimSuccess<T>> {
    const result = await raw.POST(path, {
      body: body as never,
      params: { header: { operationID: operationId() } },
      ...call,
    });
    return success(expectData(result) as CheckedEnvelope<T>, path.slice("/object/".length));
  }

  return {
    raw,
    initiateFormData: (body, call = {}) => post("/object/initiate_form_data", body, call),
    completeFormData: (body, call = {}) => post("/object/complete_form_data", body, call),
    partLimit: (call = {}) => post("/object/part_limit", {}, call),
    initiateMultipartUpload: (body, call = {}) => post("/object/initiate_multipart_upload", body, call),
    authSign: (body, call = {}) => post("/object/auth_sign", body, call),
    completeMultipartUpload: (body, call = {}) => post("/object/complete_multipart_upload", body, call),
  };
}
