export { DirectUploadError, VendorApiError, TransportError, isAbortError, type VendorApiErrorInit } from "./errors.js";
export { redact, safeUrl } from "./redact.js";
export { resolveCredential, type Credential } from "./auth.js";
export { expectData } from "./result.js";
export { errorMiddleware, type EnvelopeParser, type EnvelopeInput } from "./middleware.js";
