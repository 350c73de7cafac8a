import { createWasmMidstateHasher } from "./hasher.js";
import type { HashAlgorithm } from "./types.js";

/** A whole-source digest that needs no midstates. */
export interface WholeDigest {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}

export type WholeDigestFactory = (algorithm: HashAlgorithm) => WholeDigest;

let runtimeDigest: WholeDigestFactory | undefined;

/** The Node entry registers node:crypto here (the universal entry cannot import it); undefined means hash-wasm. */
export function setWholeDigestFactory(factory: WholeDigestFactory | undefined): void {
  runtimeDigest = factory;
}

/** The runtime's fastest plain digest: node:crypto where the Node entry registered it, else hash-wasm. */
export async function createWholeDigest(algorithm: HashAlgorithm): Promise<WholeDigest> {
  return runtimeDigest ? runtimeDigest(algorithm) : createWasmMidstateHasher(algorithm);
}
