// Node only: what the Node entry and its hashing thread register, so both hash with the same code.
import { setWholeDigestFactory } from "./digest.js";
import { setMidstateHasherFactory } from "./hasher.js";
import { loadNativeMidstateHasher, prebuiltAddonPath } from "./native-hasher.js";
import { nodeWholeDigest } from "./node-digest.js";

/** The native addon from `prebuilds` (hash-wasm if it cannot load) and node:crypto for plain digests. */
export function registerNodeHashing(prebuilds: URL): void {
  setMidstateHasherFactory(loadNativeMidstateHasher(prebuiltAddonPath(prebuilds)));
  setWholeDigestFactory(nodeWholeDigest);
}
