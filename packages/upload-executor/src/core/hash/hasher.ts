import { STATE_LAYOUTS } from "./hash-wasm-state.js";
import type { HashAlgorithm, Midstate, MidstateHasher, MidstateHasherFactory, MidstateHasherKind } from "./types.js";

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

/** hash-wasm's SHA-1 / SHA-256, in every runtime; loaded on first use (see wasm-hasher.ts). */
export async function createWasmMidstateHasher(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher> {
  return (await import("./wasm-hasher.js")).wasmMidstateHasher(algorithm, from);
}
