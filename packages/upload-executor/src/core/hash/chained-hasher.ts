import { DirectUploadError } from "@direct-upload/client-core";
import { InvalidMidstateError, MidstateUnalignedError } from "./errors.js";
import { STATE_LAYOUTS } from "./hash-wasm-state.js";
import type { HashAlgorithm, Midstate, MidstateHasher, MidstateHasherKind } from "./types.js";

/** The SHA code under a MidstateHasher (hash-wasm or the native addon), already positioned at the start offset. */
export interface ShaEngine {
  update(bytes: Uint8Array): void;
  /** The h words now; only asked for at a 64-byte boundary. */
  words(): number[];
  digestHex(): string;
}

const TWO_32 = 2 ** 32;

/** Throws the typed error for an algorithm we do not hash or a midstate that `algorithm` cannot resume from. */
export function checkResumable(algorithm: HashAlgorithm, from: Midstate | undefined): void {
  if (!Object.hasOwn(STATE_LAYOUTS, algorithm)) throw new InvalidMidstateError(`unknown algorithm ${String(algorithm)}; use "sha1" or "sha256"`);
  if (!from) return;
  if (from.algorithm !== algorithm) throw new InvalidMidstateError(`a ${from.algorithm} midstate cannot resume ${algorithm}`);
  if (!(Number.isSafeInteger(from.offset) && from.offset >= 0)) throw new InvalidMidstateError(`offset ${from.offset} is not a byte count`);
  if (from.offset % 64 !== 0) throw new MidstateUnalignedError(from.offset, "the imported midstate");
  const { words } = STATE_LAYOUTS[algorithm];
  if (from.h.length !== words) throw new InvalidMidstateError(`${algorithm} needs ${words} h words, got ${from.h.length}`);
  from.h.forEach((word, i) => {
    if (!(Number.isInteger(word) && word >= 0 && word < TWO_32)) {
      throw new InvalidMidstateError(`h[${i}] = ${word} is not an unsigned 32-bit integer`);
    }
  });
}

/** The MidstateHasher contract over an engine: the offset, boundary checks on export, and no use after digestHex(). */
export function chainedHasher(kind: MidstateHasherKind, algorithm: HashAlgorithm, start: number, engine: ShaEngine): MidstateHasher {
  let offset = start;
  let finished = false;
  const assertOpen = () => {
    if (finished) throw new DirectUploadError("hash_finalised", `the ${algorithm} hash was already finalised by digestHex()`, { hint: "Create a new hasher" });
  };
  return {
    algorithm,
    kind,
    get offset() {
      return offset;
    },
    update(bytes) {
      assertOpen();
      engine.update(bytes);
      offset += bytes.byteLength;
    },
    midstate() {
      assertOpen();
      if (offset % 64 !== 0) throw new MidstateUnalignedError(offset);
      return { algorithm, h: engine.words(), offset };
    },
    digestHex() {
      assertOpen();
      finished = true;
      return engine.digestHex();
    },
  };
}
