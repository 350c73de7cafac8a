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

type Core = Sha256Core | Sha1Core;

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
  private readonly core: Core;

  private constructor(algorithm: HashAlgorithm, core: Core) {
    this.algorithm = algorithm;
    this.core = core;
  }

  static resume(state: HashState): MidstateHasher {
    assertValidState(state);
    const core = newCore(state.algorithm);
    core.load(state.h, state.offset);
    return new MidstateHasher(state.algorithm, core);
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

  /** Lower-case hex digest as if the input ended here; the hasher itself can keep going. */
  digestHex(): string {
    return bytesToHex(this.core.clone().digest());
  }
}

function newCore(algorithm: HashAlgorithm): Core {
  return algorithm === "sha256" ? new Sha256Core() : new Sha1Core();
}
