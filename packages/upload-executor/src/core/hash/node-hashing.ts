// Node only: what the Node entry and its hashing thread register, so both hash with the same code.
import { setWholeDigestFactory } from "./digest.js";
import { setMidstateHasherFactory } from "./hasher.js";
import { addonHasherFactory, loadMidstateAddon, prebuiltAddonPath, type MidstateAddon } from "./native-hasher.js";
import { nodeWholeDigest } from "./node-digest.js";

/** The native addon from `prebuilds` (hash-wasm if it cannot load) and node:crypto for plain digests; the addon, if loaded. */
export function registerNodeHashing(prebuilds: URL): MidstateAddon | undefined {
  const addon = loadMidstateAddon(prebuiltAddonPath(prebuilds));
  setMidstateHasherFactory(addon && addonHasherFactory(addon));
  setWholeDigestFactory(nodeWholeDigest);
  return addon;
}
