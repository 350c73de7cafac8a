import type { IHasher } from "hash-wasm";
import { chainedHasher, checkResumable } from "./chained-hasher.js";
import { checkStateLayout, readWords, STATE_LAYOUTS, writeState } from "./hash-wasm-state.js";
import type { HashAlgorithm, Midstate, MidstateHasher, MidstateHasherFactory, MidstateHasherKind } from "./types.js";

// Loaded on first use: a Node hashing thread with the native addon never needs it (about 10 MiB of RSS).
const factories: Record<HashAlgorithm, () => Promise<IHasher>> = {
  sha1: async () => (await import("hash-wasm")).createSHA1(),
  sha256: async () => (await import("hash-wasm")).createSHA256(),
};

/** The state before any byte: the algorithm's IV at offset 0. */
export function initialMidstate(algorithm: HashAlgorithm): Midstate {
  return { algorithm, h: [...STATE_LAYOUTS[algorithm].iv], offset: 0 };
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
