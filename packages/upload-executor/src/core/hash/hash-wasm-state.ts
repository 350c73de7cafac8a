import { InvalidMidstateError, MidstateUnsupportedError } from "./errors.js";
import type { HashAlgorithm } from "./types.js";

/**
 * Where hash-wasm 4.13.0 keeps h[] and the length inside the Uint8Array that save() returns: a 4-byte version
 * prefix, then the C context struct (src/sha1.c SHA1_CTX, src/sha256.c sha256_ctx), little-endian.
 * Checked against the library's own save() output by checkStateLayout() before first use.
 */
interface StateLayout {
  size: number;
  words: number;
  hashAt: number;
  lengthAt: number;
  /** SHA-1 counts bits (count[2] lo, hi); SHA-256 counts bytes (u64). */
  lengthUnit: 8 | 1;
  iv: readonly number[];
}

const PREFIX = 4;

export const STATE_LAYOUTS: Record<HashAlgorithm, StateLayout> = {
  sha1: {
    size: PREFIX + 92,
    words: 5,
    hashAt: PREFIX + 0,
    lengthAt: PREFIX + 20,
    lengthUnit: 8,
    iv: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  },
  sha256: {
    size: PREFIX + 112,
    words: 8,
    hashAt: PREFIX + 72,
    lengthAt: PREFIX + 64,
    lengthUnit: 1,
    iv: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  },
};

const TWO_32 = 2 ** 32;

function view(state: Uint8Array): DataView {
  return new DataView(state.buffer, state.byteOffset, state.byteLength);
}

/** The h words of a saved state, as unsigned numbers. */
export function readWords(algorithm: HashAlgorithm, state: Uint8Array): number[] {
  const { words, hashAt } = STATE_LAYOUTS[algorithm];
  const data = view(state);
  return Array.from({ length: words }, (_, i) => data.getUint32(hashAt + 4 * i, true));
}

/** The number of bytes a saved state has hashed. */
export function readOffset(algorithm: HashAlgorithm, state: Uint8Array): number {
  const { lengthAt, lengthUnit } = STATE_LAYOUTS[algorithm];
  const data = view(state);
  return (data.getUint32(lengthAt, true) + data.getUint32(lengthAt + 4, true) * TWO_32) / lengthUnit;
}

/** Writes h[] (checked by checkResumable) and the length into a fresh saved state, so load() resumes at `offset`. */
export function writeState(algorithm: HashAlgorithm, fresh: Uint8Array, h: readonly number[], offset: number): Uint8Array {
  const { hashAt, lengthAt, lengthUnit } = STATE_LAYOUTS[algorithm];
  const length = offset * lengthUnit;
  if (!Number.isSafeInteger(length)) throw new InvalidMidstateError(`offset ${offset} is too large`);
  const state = fresh.slice();
  const data = view(state);
  h.forEach((word, i) => data.setUint32(hashAt + 4 * i, word, true));
  data.setUint32(lengthAt, length % TWO_32, true);
  data.setUint32(lengthAt + 4, Math.floor(length / TWO_32), true);
  return state;
}

/** Fails loudly if a fresh save() does not look like the layout above (size, IV at hashAt, zero length). */
export function checkStateLayout(algorithm: HashAlgorithm, fresh: Uint8Array): void {
  const layout = STATE_LAYOUTS[algorithm];
  const ivMatches = fresh.byteLength === layout.size && readWords(algorithm, fresh).every((word, i) => word === layout.iv[i]);
  if (!ivMatches || readOffset(algorithm, fresh) !== 0) {
    throw new MidstateUnsupportedError(`hash-wasm ${algorithm} save() has an unknown layout (${fresh.byteLength} bytes)`);
  }
}
