// Node-only entry: file sources and the node:http transport.
import { createNodeTransport } from "./core/transport/node.js";

export * from "./index.js";
export * from "./core/source-node.js";
export { createNodeTransport, type NodeTransportOptions } from "./core/transport/node.js";

/** A ready node:http(s) transport on Node's global keep-alive agents: pass it as `transport` in Node. */
export const nodeTransport = createNodeTransport();
