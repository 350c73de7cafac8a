import { createHash, randomBytes } from "node:crypto";
import { createSHA1, createSHA256 } from "hash-wasm";
import { describe, expect, it } from "vitest";
import { problem } from "../problem.js";
import { verifyChain as verifyChainWith, type HashedPart } from "./chain.js";
import { MidstateHasher, initialState, type HashAlgorithm, type HashState } from "./hash-state.js";

/** The chain check with a test code for a broken chain, so the reason shows as the Problem's message. */
const verifyChain = (parts: readonly HashedPart[], expectedDigest?: string) => verifyChainWith(parts, expectedDigest, (reason) => problem(400, "BrokenChain", reason));

/** Splits `data` into parts of `sizes` and hashes each one the way the storage plane does. */
function hashParts(algorithm: HashAlgorithm, data: Uint8Array, sizes: number[]): HashedPart[] {
  const parts: HashedPart[] = [];
  let claimed: HashState = initialState(algorithm);
  let offset = 0;
  for (const [i, size] of sizes.entries()) {
    const hasher = MidstateHasher.resume(claimed).update(data.subarray(offset, offset + size));
    const end = hasher.exportState();
    parts.push({ partNumber: i + 1, claimed, size, end, digest: hasher.digestHex() });
    offset += size;
    if (end) claimed = end;
  }
  return parts;
}

describe("verifyChain", () => {
  const data = randomBytes(64 * 40 + 13);
  const sizes = [64 * 10, 64 * 20, 64 * 10, 13];

  it.each(["sha1", "sha256"] as HashAlgorithm[])("%s: accepts the true chain in any order and yields the file digest", (algorithm) => {
    const parts = hashParts(algorithm, data, sizes).reverse();
    const expected = createHash(algorithm).update(data).digest("hex");
    expect(verifyChain(parts, expected.toUpperCase())).toEqual({ digest: expected, size: data.length });
  });

  it("rejects a part that claims a wrong state", () => {
    const parts = hashParts("sha256", data, sizes);
    const h = [...parts[2]!.claimed.h];
    h[3] = (h[3]! ^ 1) >>> 0;
    parts[2] = { ...parts[2]!, claimed: { ...parts[2]!.claimed, h } };
    expect(verifyChain(parts)).toMatchObject({ code: "BrokenChain", message: expect.stringContaining("part 3 claims a hash state") });
  });

  it("rejects a missing part, a gap in offsets, an unaligned middle part and a wrong digest", () => {
    const parts = hashParts("sha1", data, sizes);
    expect(verifyChain(parts.filter((p) => p.partNumber !== 2))).toMatchObject({ code: "BrokenChain", message: "part 2 is missing" });
    const gap = parts.map((p) => (p.partNumber === 3 ? { ...p, claimed: { ...p.claimed, offset: p.claimed.offset + 64 } } : p));
    expect(verifyChain(gap)).toMatchObject({ code: "BrokenChain", message: expect.stringContaining("offset") });
    const unaligned = hashParts("sha1", data, [100, data.length - 100]);
    expect(verifyChain(unaligned)).toMatchObject({ code: "BrokenChain", message: expect.stringContaining("multiple of 64") });
    expect(verifyChain(parts, "0".repeat(40))).toMatchObject({ code: "BrokenChain", message: expect.stringContaining("does not match") });
    expect(verifyChain([])).toMatchObject({ code: "BrokenChain" });
  });

  it("rejects a first part that does not start at the IV", () => {
    const parts = hashParts("sha256", data, sizes);
    parts[0] = { ...parts[0]!, claimed: { algorithm: "sha256", h: parts[1]!.claimed.h, offset: 0 } };
    expect(verifyChain(parts)).toMatchObject({ code: "BrokenChain", message: expect.stringContaining("part 1") });
  });
});

/**
 * Past 512 MiB the bit count no longer fits 32 bits (nh > 0). Hashing that much is too slow for a unit test, so
 * resume both noble (ours) and hash-wasm (the executor's library) from the same state at a 5 GiB offset and compare.
 */
describe("large offsets", () => {
  const offset = 5 * 1024 ** 3 + 64;
  const tail = randomBytes(1000);

  it("sha256 agrees with hash-wasm after a 5 GiB offset", async () => {
    const h = [1, 2, 3, 4, 5, 6, 7, 0xffffffff];
    const wasm = await createSHA256();
    const saved = wasm.save();
    const view = new DataView(saved.buffer, saved.byteOffset);
    view.setBigUint64(4 + 64, BigInt(offset), true);
    h.forEach((w, i) => view.setUint32(4 + 72 + 4 * i, w, true));
    wasm.load(saved).update(tail);
    const ours = MidstateHasher.resume({ algorithm: "sha256", h, offset }).update(tail).digestHex();
    expect(ours).toBe(wasm.digest("hex"));
  });

  it("sha1 agrees with hash-wasm after a 5 GiB offset", async () => {
    const h = [0x67452301, 9, 8, 7, 0x80000000];
    const wasm = await createSHA1();
    const saved = wasm.save();
    const view = new DataView(saved.buffer, saved.byteOffset);
    h.forEach((w, i) => view.setUint32(4 + 4 * i, w, true));
    const bits = BigInt(offset) * 8n;
    view.setUint32(4 + 20, Number(bits & 0xffffffffn), true);
    view.setUint32(4 + 24, Number(bits >> 32n), true);
    wasm.load(saved).update(tail);
    const ours = MidstateHasher.resume({ algorithm: "sha1", h, offset }).update(tail).digestHex();
    expect(ours).toBe(wasm.digest("hex"));
  });
});
