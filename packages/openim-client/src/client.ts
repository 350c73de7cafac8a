import createClient, { type Client } from "openapi-fetch";
import {
  DirectUploadError,
  checkClientOptions,
  errorMiddleware,
  expectData,
  type CallOptions,
  type ClientOptions,
  type Credential,
  vendorFetch,
} from "@direct-upload/client-core";
import { replyValidators } from "./generated/openim-replies.js";
import type { paths } from "./generated/openim.js";
import { openimAuthMiddleware } from "./auth-middleware.js";
import { parseOpenimEnvelope } from "./envelope.js";
import { defaultOperationId } from "./operation-id.js";
import type {
  CompleteFormDataRequest,
  CompleteFormDataResult,
  InitiateFormDataRequest,
  InitiateFormDataResult,
  OpenimSuccess,
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
}

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
  const raw = createClient<paths>({ baseUrl, fetch: vendorFetch(options) });
  raw.use(
    openimAuthMiddleware(options.token, operationId, (token) => (lastToken = token)),
    errorMiddleware("openim", parseOpenimEnvelope, () => [lastToken], { replies: replyValidators }),
  );

  return {
    raw,
    async initiateFormData(body, call = {}) {
      const result = await raw.POST("/object/initiate_form_data", {
        body,
        params: { header: { operationID: operationId() } },
        ...call,
      });
      return success(expectData(result), "initiate_form_data");
    },
    async completeFormData(body, call = {}) {
      const result = await raw.POST("/object/complete_form_data", {
        body,
        params: { header: { operationID: operationId() } },
        ...call,
      });
      return success(expectData(result), "complete_form_data");
    },
  };
}
