export {
  DirectUploadError,
  VendorApiError,
  TransportError,
  InvalidClientOptionsError,
  InvalidReplyError,
  VendorRedirectError,
  isAbortError,
  brandError,
  isBrandedError,
  type VendorApiErrorInit,
} from "./errors.js";
export { redact, safeUrl, vendorText } from "./redact.js";
export { vendorFetch, DEFAULT_TIMEOUT_MS, MAX_REPLY_BYTES, type VendorFetchOptions } from "./vendor-fetch.js";
export { checkReply, type ReplyValidator, type ReplyValidators } from "./reply-check.js";
export { resolveCredential, requireCredential, type Credential } from "./auth.js";
export { checkClientOptions, type ClientOptions, type ClientOptionsCheck, type CallOptions } from "./client-options.js";
export { expectData } from "./result.js";
export { createOpenapiClient } from "./openapi-client.js";
export { errorMiddleware, type EnvelopeParser, type EnvelopeInput, type ErrorMiddlewareOptions } from "./middleware.js";
