export { createKoodriveClient, type KoodriveClient, type KoodriveClientOptions } from "./client.js";
export type { CallOptions } from "@direct-upload/client-core";
export type { KoodriveAuth } from "./auth-middleware.js";
export { appAuthorization, canonicalRequest, stringToSign, rfc3986, APP_AUTH_SIGNED_HEADERS, type AppAuthRequest } from "./app-auth.js";
export { formatXDate, newTraceId } from "./request-headers.js";
export { parseKoodriveEnvelope } from "./envelope.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/koodrive.js";
