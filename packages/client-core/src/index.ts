export {
  DirectUploadError,
  VendorApiError,
  TransportError,
  InvalidClientOptionsError,
  isAbortError,
  brandError,
  isBrandedError,
  type VendorApiErrorInit,
} from "./errors.js";
export { redact, safeUrl } from "./redact.js";
export { resolveCredential, requireCredential, type Credential } from "./auth.js";
export { checkClientOptions, type ClientOptions, type ClientOptionsCheck, type CallOptions } from "./client-options.js";
export { expectData } from "./result.js";
export { createOpenapiClient } from "./openapi-client.js";
export { errorMiddleware, type EnvelopeParser, type EnvelopeInput } from "./middleware.js";
