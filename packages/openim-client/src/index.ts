export { createOpenimClient, type OpenimClient, type OpenimClientOptions, type CallOptions } from "./client.js";
export { defaultOperationId } from "./operation-id.js";
export { parseOpenimEnvelope } from "./envelope.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/openim.js";
