import { DirectUploadError } from "@direct-upload/client-core";
import { createSHA1, createSHA256, type IHasher } from "hash-wasm";
import { InvalidMidstateError, MidstateUnalignedError } from "./errors.js";
import { checkStateLayout, readWords, STATE_LAYOUTS, writeState } from "./hash-wasm-state.js";
import type { HashAlgorithm, Midstate } from "./types.js";

/** A SHA-1 or SHA-256 hash whose state can be exported (and was possibly imported) at 64-byte boundaries. */
export interface MidstateHasher {
  readonly algorithm: HashAlgorithm;
  /** Bytes hashed so far, including the offset of the imported midstate. */
  readonly offset: number;
  update(bytes: Uint8Array): void;
  /** The state now; throws MidstateUnalignedError unless offset is a multiple of 64. */
  midstate(): Midstate;
  /** Finalises and returns the lowercase hex digest of everything hashed (from byte 0). */
  digestHex(): string;
}

const factories: Record<HashAlgorithm, () => Promise<IHasher>> = { sha1: createSHA1, sha256: createSHA256 };

/** The state before any byte: the algorithm's IV at offset 0. */
export function initialMidstate(algorithm: HashAlgorithm): Midstate {
  return { algorithm, h: [...STATE_LAYOUTS[algorithm].iv], offset: 0 };
}

export async function createMidstateHasher(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher> {
  const factory = factories[algorithm];
  if (!factory) throw new InvalidMidstateError(`unknown algorithm ${String(algorithm)}; use "sha1" or "sha256"`);
  const hasher = await factory();
  const fresh = hasher.save();
  checkStateLayout(algorithm, fresh);
  let offset = 0;
  if (from) {
    if (from.algorithm !== algorithm) throw new InvalidMidstateError(`a ${from.algorithm} midstate cannot resume ${algorithm}`);
    if (!(Number.isSafeInteger(from.offset) && from.offset >= 0)) throw new InvalidMidstateError(`offset ${from.offset} is not a byte count`);
    if (from.offset % 64 !== 0) throw new MidstateUnalignedError(from.offset, "the imported midstate");
    hasher.load(writeState(algorithm, fresh, from.h, from.offset));
    offset = from.offset;
  }
  let finished = false;
  const assertOpen = () => {
    if (finished) throw new DirectUploadError("hash_finalised", `the ${algorithm} hash was already finalised by digestHex()`, { hint: "Create a new hasher" });
  };
  return {
    algorithm,
    get offset() {
      return offset;
    },
    update(bytes) {
      assertOpen();
      hasher.update(bytes);
      offset += bytes.byteLength;
    },
    midstate() {
      assertOpen();
      if (offset % 64 !== 0) throw new MidstateUnalignedError(offset);
      return { algorithm, h: readWords(algorithm, hasher.save()), offset };
    },
    digestHex() {
      assertOpen();
      finished = true;
      return hasher.digest("hex");
    },
  };
}
