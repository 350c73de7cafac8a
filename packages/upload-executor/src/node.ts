// Node-only entry: file sources, and the node:http transport, which importing this entry makes the default.
import { setRuntimeTransport } from "./core/options.js";
import { createNodeTransport } from "./core/transport/node.js";

export * from "./index.js";
export * from "./core/source-node.js";
export { createNodeTransport, type NodeTransportOptions } from "./core/transport/node.js";

/** A node:http(s) transport on Node's global keep-alive agents: the default for uploads started through this entry. */
export const nodeTransport = createNodeTransport();

setRuntimeTransport(nodeTransport);
