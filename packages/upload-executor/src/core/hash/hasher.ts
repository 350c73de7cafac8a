import { createSHA1, createSHA256, type IHasher } from "hash-wasm";
import { chainedHasher, checkResumable } from "./chained-hasher.js";
import { checkStateLayout, readWords, STATE_LAYOUTS, writeState } from "./hash-wasm-state.js";
import type { HashAlgorithm, Midstate } from "./types.js";

/** A SHA-1 or SHA-256 hash whose state can be exported (and was possibly imported) at 64-byte boundaries. */
export interface MidstateHasher {
  readonly algorithm: HashAlgorithm;
  readonly kind: MidstateHasherKind;
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

/** Which code hashes: "native" (Node's own OpenSSL through the optional addon) or "wasm" (hash-wasm, everywhere). */
export type MidstateHasherKind = "native" | "wasm";

/** A MidstateHasher implementation a runtime entry registers, with the same contract and errors as hash-wasm's. */
export interface MidstateHasherFactory {
  readonly kind: MidstateHasherKind;
  create(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher>;
}

let runtimeFactory: MidstateHasherFactory | undefined;

/** The Node entry registers the native addon here (the universal entry cannot load it); undefined means hash-wasm. */
export function setMidstateHasherFactory(factory: MidstateHasherFactory | undefined): void {
  runtimeFactory = factory;
}

/** Which code createMidstateHasher() runs in this runtime. */
export function midstateHasherKind(): MidstateHasherKind {
  return runtimeFactory?.kind ?? "wasm";
}

/** The runtime's fastest hasher: the native addon where the Node entry registered it, else hash-wasm. */
export function createMidstateHasher(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher> {
  return runtimeFactory ? runtimeFactory.create(algorithm, from) : createWasmMidstateHasher(algorithm, from);
}

/** hash-wasm's SHA-1 / SHA-256, in every runtime. */
export async function createWasmMidstateHasher(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher> {
  checkResumable(algorithm, from);
  const hasher = await factories[algorithm]();
  const fresh = hasher.save();
  checkStateLayout(algorithm, fresh);
  if (from) hasher.load(writeState(algorithm, fresh, from.h, from.offset));
  return chainedHasher("wasm", algorithm, from?.offset ?? 0, {
    update: (bytes) => hasher.update(bytes),
    words: () => readWords(algorithm, hasher.save()),
    digestHex: () => hasher.digest("hex"),
  });
}
