export { createPdsClient, type PdsClient, type PdsClientOptions, type CallOptions } from "./client.js";
export { parsePdsEnvelope } from "./envelope.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/pds.js";
