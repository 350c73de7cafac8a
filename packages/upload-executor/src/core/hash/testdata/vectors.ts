import { readFileSync } from "node:fs";
import type { HashAlgorithm } from "../types.js";

/** OpenSSL-computed midstates (copied from shared/vectors; see README.md here). */
export interface MidstateVector {
  name: string;
  bytes: number;
  generator: string;
  partSize: number;
  sha1: AlgorithmVector;
  sha256: AlgorithmVector;
}
interface AlgorithmVector {
  digest: string;
  parts: { partNumber: number; partOffset: number; partSize: number; h: number[] }[];
}

export const vectors: MidstateVector[] = JSON.parse(readFileSync(new URL("./hash-midstates.json", import.meta.url), "utf8"));
export const algorithms: HashAlgorithm[] = ["sha1", "sha256"];

/** Regenerates a vector's input from its `byte[i] = ((i*M + A) XOR (i >> 8)) & 0xff` formula. */
export function generate(vector: MidstateVector): Uint8Array<ArrayBuffer> {
  const match = /^byte\[i\] = \(\(i\*(\d+) \+ (\d+)\) XOR \(i >> 8\)\) & 0xff$/.exec(vector.generator);
  if (!match) throw new Error(`unknown generator formula: ${vector.generator}`);
  const [mul, add] = [Number(match[1]), Number(match[2])];
  const bytes = new Uint8Array(vector.bytes);
  for (let i = 0; i < bytes.length; i++) bytes[i] = ((i * mul + add) ^ (i >> 8)) & 0xff;
  return bytes;
}

/** The PDS JS SDK's unit-test input: "test-0".."test-99" joined by "\n" (789 bytes). */
export const pdsSdkInput = new TextEncoder().encode(Array.from({ length: 100 }, (_, i) => `test-${i}`).join("\n"));
/** The SDK's expected state after 768 bytes (tests/ut/util-NodeFileUtil.nodetest.ts). */
export const pdsSdkStates: Record<HashAlgorithm, number[]> = {
  sha1: [2781477636, 2167910136, 4107292220, 1153442652, 2872263382],
  sha256: [2156254178, 2271146846, 3285757422, 4079239336, 3289954368, 3496897604, 1490423711, 2468994605],
};
