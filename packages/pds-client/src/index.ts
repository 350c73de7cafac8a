export { createPdsClient, type PdsClient, type PdsClientOptions } from "./client.js";
export type { CallOptions } from "@direct-upload/client-core";
export { parsePdsEnvelope } from "./envelope.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/pds.js";
