import { _SHA1 } from "@noble/hashes/legacy.js";
import { _SHA256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

export type HashAlgorithm = "sha1" | "sha256";

/** A SHA-1/SHA-256 compression state at a 64-byte boundary: the h words (unsigned) and the bytes hashed so far. */
export interface HashState {
  algorithm: HashAlgorithm;
  h: readonly number[];
  offset: number;
}

export const WORD_COUNT: Record<HashAlgorithm, number> = { sha1: 5, sha256: 8 };

const BLOCK_BYTES = 64;

/** A claimed state the protocol cannot express: wrong word count, a word outside uint32, or an unaligned offset. */
export class InvalidHashStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidHashStateError";
  }
}

/** Exposes noble's protected state words and length so a hash can be exported and resumed at a block boundary. */
class Sha256Core extends _SHA256 {
  words(): number[] {
    return this.get().map((w) => w >>> 0);
  }
  load(h: readonly number[], offset: number): void {
    this.set(...(h as [number, number, number, number, number, number, number, number]));
    this.length = offset;
  }
  buffered(): number {
    return this.pos;
  }
  hashed(): number {
    return this.length;
  }
}

class Sha1Core extends _SHA1 {
  words(): number[] {
    return this.get().map((w) => w >>> 0);
  }
  load(h: readonly number[], offset: number): void {
    this.set(...(h as [number, number, number, number, number]));
    this.length = offset;
  }
  buffered(): number {
    return this.pos;
  }
  hashed(): number {
    return this.length;
  }
}

/** The SHA code under a MidstateHasher, positioned at a claimed state: noble (pure JS) or a chained-SHA addon. */
export interface ShaCore {
  words(): number[];
  update(chunk: Uint8Array): unknown;
  /** Bytes fed since the last full block (0 = the state is exportable). */
  buffered(): number;
  /** Bytes hashed so far, including the claimed offset. */
  hashed(): number;
  /** Pads and finishes; the core is spent afterwards. */
  digest(): Uint8Array;
}

/** Makes the core that resumes a (checked) state. */
export type ShaCores = (state: HashState) => ShaCore;

/** noble's SHA-1 / SHA-256 in plain JS: always available, slow (about 9 s per GiB of SHA-256). */
export const nobleCores: ShaCores = (state) => {
  const core = newCore(state.algorithm);
  core.load(state.h, state.offset);
  return core;
};

function assertValidState(state: HashState): void {
  const expected = WORD_COUNT[state.algorithm];
  if (state.h.length !== expected) {
    throw new InvalidHashStateError(`a ${state.algorithm} state has ${expected} words, got ${state.h.length}`);
  }
  if (!state.h.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
    throw new InvalidHashStateError("every state word must be an unsigned 32-bit integer");
  }
  if (!Number.isSafeInteger(state.offset) || state.offset < 0 || state.offset % BLOCK_BYTES !== 0) {
    throw new InvalidHashStateError(`the state offset must be a non-negative multiple of 64, got ${state.offset}`);
  }
}

/** The algorithm's initial state (IV) at offset 0: what part 1 implicitly claims. */
export function initialState(algorithm: HashAlgorithm): HashState {
  return { algorithm, h: newCore(algorithm).words(), offset: 0 };
}

export function sameState(a: HashState, b: HashState): boolean {
  return a.algorithm === b.algorithm && a.offset === b.offset && a.h.length === b.h.length && a.h.every((w, i) => w === b.h[i]);
}

/** A hash resumed from a claimed state, fed a part's bytes, and able to export its end state or finish. */
export class MidstateHasher {
  readonly algorithm: HashAlgorithm;
  private readonly core: ShaCore;

  private constructor(algorithm: HashAlgorithm, core: ShaCore) {
    this.algorithm = algorithm;
    this.core = core;
  }

  static resume(state: HashState, cores: ShaCores = nobleCores): MidstateHasher {
    assertValidState(state);
    return new MidstateHasher(state.algorithm, cores(state));
  }

  update(chunk: Uint8Array): this {
    this.core.update(chunk);
    return this;
  }

  /** The state after everything fed so far, or undefined when it ends mid-block (such a state cannot be exported). */
  exportState(): HashState | undefined {
    if (this.core.buffered() !== 0) return undefined;
    return { algorithm: this.algorithm, h: this.core.words(), offset: this.core.hashed() };
  }

  /** Lower-case hex digest of everything hashed; the last call on this hasher. */
  digestHex(): string {
    return bytesToHex(this.core.digest());
  }
}

function newCore(algorithm: HashAlgorithm): Sha256Core | Sha1Core {
  return algorithm === "sha256" ? new Sha256Core() : new Sha1Core();
}
