import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { initialState, type HashAlgorithm, type ShaCore, type ShaCores } from "./hash-state.js";

/** What the upload executor's chained-SHA addon (native/src/midstate.c) exports. */
interface Addon {
  Hasher: new (
    algorithm: HashAlgorithm,
    words?: Uint32Array,
    offset?: number,
  ) => {
    update(bytes: Uint8Array): void;
    words(): number[];
    digest(): Uint8Array;
  };
}

function addonCores(addon: Addon): ShaCores {
  return (state) => {
    const hasher = new addon.Hasher(state.algorithm, Uint32Array.from(state.h), state.offset);
    let hashed = state.offset;
    const core: ShaCore = {
      words: () => hasher.words(),
      update(chunk) {
        hasher.update(chunk);
        hashed += chunk.byteLength;
      },
      buffered: () => hashed % 64,
      hashed: () => hashed,
      digest: () => hasher.digest(),
    };
    return core;
  };
}

/** Hashes 200 bytes split at a resumed 128-byte state; the result must be node:crypto's digest. */
function answersRight(cores: ShaCores): boolean {
  const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i * 13 + 5) & 0xff);
  return (["sha1", "sha256"] as const).every((algorithm) => {
    const head = cores(initialState(algorithm));
    head.update(bytes.subarray(0, 128));
    const tail = cores({ algorithm, h: head.words(), offset: 128 });
    tail.update(bytes.subarray(128));
    return Buffer.from(tail.digest()).toString("hex") === createHash(algorithm).update(bytes).digest("hex");
  });
}

/**
 * The OpenSSL-backed cores of a chained-SHA addon at `path` (the upload executor's
 * native/prebuilds/<platform>-<arch>/direct_upload_midstate.node), or undefined when it cannot load or answers wrong.
 */
export function loadAddonCores(path: string): ShaCores | undefined {
  try {
    const cores = addonCores(createRequire(import.meta.url)(path) as Addon);
    return answersRight(cores) ? cores : undefined;
  } catch {
    return undefined;
  }
}
