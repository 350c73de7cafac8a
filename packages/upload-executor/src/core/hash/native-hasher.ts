// Node only: chained SHA-1 / SHA-256 on Node's own OpenSSL through the prebuilt addon in native/ (see its README).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chainedHasher, checkResumable } from "./chained-hasher.js";
import { initialMidstate } from "./hasher.js";
import type { HashAlgorithm, MidstateHasherFactory } from "./types.js";

/** What native/src/midstate.c exports. */
export interface MidstateAddon {
  Hasher: new (algorithm: HashAlgorithm, words?: Uint32Array, offset?: number) => AddonHasher;
}

interface AddonHasher {
  update(bytes: Uint8Array): void;
  /** Hashes on libuv's thread pool; every other call throws until `done` ran. `bytes` must not change meanwhile. */
  updateAsync(bytes: Uint8Array, done: (error?: Error) => void): void;
  words(): number[];
  digest(): Buffer;
}

/** This platform's prebuilt addon inside `prebuilds` (the package's native/prebuilds/). */
export function prebuiltAddonPath(prebuilds: URL): URL {
  return new URL(`${process.platform}-${process.arch}/direct_upload_midstate.node`, prebuilds);
}

/** The addon, or undefined (hash-wasm stays) when it is missing, cannot load or answers wrong. */
export function loadMidstateAddon(addonPath: URL): MidstateAddon | undefined {
  let addon: MidstateAddon;
  try {
    const path = fileURLToPath(addonPath);
    addon = createRequire(path)(path) as MidstateAddon;
  } catch {
    return undefined; // no prebuilt for this platform, or this Node lacks the OpenSSL symbols it links against
  }
  return answersRight(addon) ? addon : undefined;
}

/** The native hasher, or undefined when the addon is missing, cannot load or answers wrong. */
export function loadNativeMidstateHasher(addonPath: URL): MidstateHasherFactory | undefined {
  const addon = loadMidstateAddon(addonPath);
  return addon && addonHasherFactory(addon);
}

/** Wraps a loaded addon once it passes the known-answer check; undefined if it does not. */
export function nativeMidstateHasher(addon: MidstateAddon): MidstateHasherFactory | undefined {
  return answersRight(addon) ? addonHasherFactory(addon) : undefined;
}

/** The hasher factory over an addon loadMidstateAddon (or nativeMidstateHasher) already checked. */
export function addonHasherFactory(addon: MidstateAddon): MidstateHasherFactory {
  return {
    kind: "native",
    async create(algorithm, from) {
      checkResumable(algorithm, from);
      const hasher = from ? new addon.Hasher(algorithm, Uint32Array.from(from.h), from.offset) : new addon.Hasher(algorithm);
      return chainedHasher("native", algorithm, from?.offset ?? 0, {
        update: (bytes) => hasher.update(bytes),
        words: () => hasher.words(),
        digestHex: () => hasher.digest().toString("hex"),
      });
    },
  };
}

/** Starts from the IV, exports after two blocks, resumes there and must finish to node:crypto's digest. */
function answersRight(addon: MidstateAddon): boolean {
  const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i * 31 + 7) & 0xff);
  const algorithms: HashAlgorithm[] = ["sha1", "sha256"];
  try {
    // A prebuilt from before updateAsync would leave the thread-pool runner without its hash.
    if (typeof new addon.Hasher("sha1").updateAsync !== "function") return false;
    return algorithms.every((algorithm) => {
      const first = new addon.Hasher(algorithm);
      const iv = first.words();
      first.update(bytes.subarray(0, 128));
      const resumed = new addon.Hasher(algorithm, Uint32Array.from(first.words()), 128);
      resumed.update(bytes.subarray(128));
      return iv.join() === initialMidstate(algorithm).h.join() && resumed.digest().toString("hex") === createHash(algorithm).update(bytes).digest("hex");
    });
  } catch {
    return false;
  }
}
