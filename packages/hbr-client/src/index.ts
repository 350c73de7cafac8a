export {
  createHbrClient,
  createTempFileUploadUrl,
  HBR_API_VERSION,
  type HbrClient,
  type HbrClientOptions,
} from "./client.js";
export type { CallOptions } from "@direct-upload/client-core";
export {
  signAcs3,
  canonicalRequest,
  canonicalQueryString,
  rfc3986,
  sha256Hex,
  formatAcsDate,
  ACS3_ALGORITHM,
  EMPTY_BODY_SHA256,
  type Acs3Request,
  type Acs3Credentials,
  type Acs3Signature,
} from "./acs3.js";
export { acs3Middleware, type HbrCredentials } from "./signing-middleware.js";
export { hbrEndpoint, DEFAULT_REGION_ID } from "./endpoint.js";
export { parseHbrEnvelope } from "./envelope.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/hbr.js";
