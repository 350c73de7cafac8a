// hash-wasm's SHA-1 / SHA-256 as MidstateHashers. Only hasher.ts imports this, dynamically, so bundlers put it (with
// hash-wasm) in a chunk that a page whose hashing runs in the worker never loads.
import { createSHA1, createSHA256 } from "hash-wasm";
import { chainedHasher, checkResumable } from "./chained-hasher.js";
import { checkStateLayout, readWords, writeState } from "./hash-wasm-state.js";
import type { HashAlgorithm, Midstate, MidstateHasher } from "./types.js";

export async function wasmMidstateHasher(algorithm: HashAlgorithm, from?: Midstate): Promise<MidstateHasher> {
  checkResumable(algorithm, from);
  const hasher = await (algorithm === "sha1" ? createSHA1 : createSHA256)();
  const fresh = hasher.save();
  checkStateLayout(algorithm, fresh);
  if (from) hasher.load(writeState(algorithm, fresh, from.h, from.offset));
  return chainedHasher("wasm", algorithm, from?.offset ?? 0, {
    update: (bytes) => hasher.update(bytes),
    words: () => readWords(algorithm, hasher.save()),
    digestHex: () => hasher.digest("hex"),
  });
}
