// Node-only entry: file sources, the node:http transport, node:crypto digests and the native SHA addon, which importing it makes the defaults.
import { setWholeDigestFactory } from "./core/hash/digest.js";
import { setMidstateHasherFactory } from "./core/hash/hasher.js";
import { loadNativeMidstateHasher, prebuiltAddonPath } from "./core/hash/native-hasher.js";
import { nodeWholeDigest } from "./core/hash/node-digest.js";
import { setRuntimeTransport } from "./core/options.js";
import { createNodeTransport } from "./core/transport/node.js";

export * from "./index.js";
export * from "./core/source-node.js";
export { createNodeTransport, type NodeTransportOptions } from "./core/transport/node.js";

/** A node:http(s) transport on Node's global keep-alive agents: the default for uploads started through this entry. */
export const nodeTransport = createNodeTransport();

setRuntimeTransport(nodeTransport);

// src/node.ts and dist/node.js both sit one folder below the package root, beside native/.
setMidstateHasherFactory(loadNativeMidstateHasher(prebuiltAddonPath(new URL("../native/prebuilds/", import.meta.url))));
setWholeDigestFactory(nodeWholeDigest);
