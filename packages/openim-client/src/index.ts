export { createOpenimClient, type OpenimClient, type OpenimClientOptions } from "./client.js";
export type { CallOptions } from "@direct-upload/client-core";
export { defaultOperationId } from "./operation-id.js";
export { parseOpenimEnvelope } from "./envelope.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/openim.js";
