// Node-only entry: file sources, the node:http transport, node:crypto digests, the native SHA addon and hashing
// off the event loop (on libuv's thread pool with the addon, else in worker threads), which importing it makes the
// defaults.
import { registerNodeHashing } from "./core/hash/node-hashing.js";
import { setThreadPassRunner } from "./core/hash/pass.js";
import { threadPassRunner } from "./core/hash/thread-client.js";
import { threadpoolPassRunner } from "./core/hash/threadpool-runner.js";
import { setRuntimeTransport } from "./core/options.js";
import { createNodeTransport } from "./core/transport/node.js";

export * from "./index.js";
export * from "./core/source-node.js";
export { createNodeTransport, type NodeTransportOptions } from "./core/transport/node.js";

/** A node:http(s) transport on Node's global keep-alive agents: the default for uploads started through this entry. */
export const nodeTransport = createNodeTransport();

setRuntimeTransport(nodeTransport);

// src/node.ts and dist/node.js both sit one folder below the package root, beside native/.
const addon = registerNodeHashing(new URL("../native/prebuilds/", import.meta.url));
// dist/hash-thread.js is built beside dist/node.js; run from src/ (tests) it is missing and passes hash here.
setThreadPassRunner(addon ? threadpoolPassRunner(addon) : threadPassRunner(new URL("./hash-thread.js", import.meta.url)));
