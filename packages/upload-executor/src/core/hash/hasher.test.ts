import { createHash } from "node:crypto";
import { createSHA1, createSHA256 } from "hash-wasm";
import { describe, expect, it } from "vitest";
import { InvalidMidstateError, MidstateUnalignedError } from "./errors.js";
import { readOffset, readWords, STATE_LAYOUTS, writeState } from "./hash-wasm-state.js";
import { createMidstateHasher, initialMidstate } from "./hasher.js";
import { algorithms, generate, pdsSdkInput, pdsSdkStates, vectors } from "../../../test/fixtures/midstates/vectors.js";

describe.each(vectors)("OpenSSL vector $name ($bytes bytes)", (vector) => {
  const input = generate(vector);

  it.each(algorithms)("%s: exports every part's h at its offset and the final digest", async (alg) => {
    const expected = vector[alg];
    expect(createHash(alg).update(input).digest("hex")).toBe(expected.digest);
    const hasher = await createMidstateHasher(alg);
    for (const part of expected.parts) {
      hasher.update(input.subarray(hasher.offset, part.partOffset));
      expect(hasher.midstate()).toEqual({ algorithm: alg, h: part.h, offset: part.partOffset });
    }
    hasher.update(input.subarray(hasher.offset));
    expect(hasher.digestHex()).toBe(expected.digest);
  });

  it.each(algorithms)("%s: resumes from each part's h and finishes to the same digest", async (alg) => {
    for (const part of vector[alg].parts) {
      const hasher = await createMidstateHasher(alg, { algorithm: alg, h: part.h, offset: part.partOffset });
      expect(hasher.offset).toBe(part.partOffset);
      hasher.update(input.subarray(part.partOffset));
      expect(hasher.digestHex()).toBe(vector[alg].digest);
    }
  });
});

describe("PDS JS SDK vector (test-0..test-99, 789 bytes)", () => {
  it.each(algorithms)("%s: state after 768 bytes and the round trip", async (alg) => {
    const hasher = await createMidstateHasher(alg);
    hasher.update(pdsSdkInput.subarray(0, 768));
    const state = hasher.midstate();
    expect(state).toEqual({ algorithm: alg, h: pdsSdkStates[alg], offset: 768 });
    const resumed = await createMidstateHasher(alg, state);
    resumed.update(pdsSdkInput.subarray(768));
    expect(resumed.digestHex()).toBe(createHash(alg).update(pdsSdkInput).digest("hex"));
  });
});

describe("hash-wasm 4.13.0 saved-state layout", () => {
  it.each([
    ["sha1", createSHA1],
    ["sha256", createSHA256],
  ] as const)("%s: h words and length sit where hash-wasm-state.ts reads them", async (alg, create) => {
    const bytes = generate(vectors[0]!);
    const raw = await create();
    raw.init();
    raw.update(bytes.subarray(0, 65539));
    const ours = await createMidstateHasher(alg);
    ours.update(bytes.subarray(0, 65536));
    expect(readOffset(alg, raw.save())).toBe(65539);
    expect(readWords(alg, raw.save())).toEqual(ours.midstate().h);
  });

  it.each(algorithms)("%s: initialMidstate is the IV hash-wasm starts from", async (alg) => {
    expect((await createMidstateHasher(alg)).midstate()).toEqual(initialMidstate(alg));
  });

  it.each([
    ["sha1", createSHA1, [0, 10]],
    ["sha256", createSHA256, [0x40000000, 1]],
  ] as const)("%s: writes lengths past 4 GiB as two words that hash-wasm carries on", async (alg, create, [lo, hi]) => {
    const offset = 5 * 2 ** 30; // SHA-1 stores bits (0xA_0000_0000), SHA-256 bytes (0x1_4000_0000)
    const raw = await create();
    raw.init();
    const state = writeState(alg, raw.save(), initialMidstate(alg).h, offset);
    const { lengthAt } = STATE_LAYOUTS[alg];
    const view = new DataView(state.buffer, state.byteOffset);
    expect([view.getUint32(lengthAt, true), view.getUint32(lengthAt + 4, true)]).toEqual([lo, hi]);
    raw.load(state);
    raw.update(new Uint8Array(64));
    expect(readOffset(alg, raw.save())).toBe(offset + 64);
  });
});

describe("typed errors", () => {
  it("refuses to export a state off a 64-byte boundary", async () => {
    const hasher = await createMidstateHasher("sha256");
    hasher.update(new Uint8Array(100));
    expect(() => hasher.midstate()).toThrow(MidstateUnalignedError);
    expect(() => hasher.midstate()).toThrow(/byte 100 .*multiple of 64/);
  });

  it("refuses to import an unaligned, foreign or malformed state", async () => {
    const iv = initialMidstate("sha1");
    await expect(createMidstateHasher("sha1", { ...iv, offset: 100 })).rejects.toMatchObject({ code: "midstate_unaligned" });
    await expect(createMidstateHasher("sha256", iv)).rejects.toBeInstanceOf(InvalidMidstateError);
    await expect(createMidstateHasher("sha1", { ...iv, h: iv.h.slice(1) })).rejects.toThrow(/needs 5 h words/);
    await expect(createMidstateHasher("sha1", { ...iv, h: [-1, 0, 0, 0, 0] })).rejects.toThrow(/unsigned 32-bit/);
  });

  it("refuses to be used after digestHex()", async () => {
    const hasher = await createMidstateHasher("sha1");
    expect(hasher.digestHex()).toBe(createHash("sha1").digest("hex"));
    expect(() => hasher.update(new Uint8Array(1))).toThrow(expect.objectContaining({ code: "hash_finalised" }));
  });
});
