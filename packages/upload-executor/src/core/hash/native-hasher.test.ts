import { createHash, randomBytes, randomInt } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import "../../node.js";
import { InvalidMidstateError, MidstateUnalignedError } from "./errors.js";
import { createMidstateHasher, createWasmMidstateHasher, initialMidstate, midstateHasherKind, setMidstateHasherFactory } from "./hasher.js";
import { loadNativeMidstateHasher, nativeMidstateHasher, prebuiltAddonPath, type MidstateAddon } from "./native-hasher.js";
import { algorithms, generate, vectors } from "../../../test/fixtures/midstates/vectors.js";
import type { HashAlgorithm, Midstate, MidstateHasherFactory } from "./types.js";

const addonPath = prebuiltAddonPath(new URL("../../../native/prebuilds/", import.meta.url));
const native = loadNativeMidstateHasher(addonPath) as MidstateHasherFactory;
const addon = createRequire(import.meta.url)(fileURLToPath(addonPath)) as MidstateAddon;

describe("the Node entry", () => {
  it("registers the prebuilt native hasher for this platform", async () => {
    expect(native?.kind).toBe("native");
    expect(midstateHasherKind()).toBe("native");
    expect((await createMidstateHasher("sha256")).kind).toBe("native");
  });
});

describe.each(vectors)("OpenSSL vector $name ($bytes bytes), native", (vector) => {
  const input = generate(vector);

  it.each(algorithms)("%s: exports every part's h at its offset and the final digest", async (alg) => {
    const hasher = await native.create(alg);
    for (const part of vector[alg].parts) {
      hasher.update(input.subarray(hasher.offset, part.partOffset));
      expect(hasher.midstate()).toEqual({ algorithm: alg, h: part.h, offset: part.partOffset });
    }
    hasher.update(input.subarray(hasher.offset));
    expect(hasher.digestHex()).toBe(vector[alg].digest);
  });

  it.each(algorithms)("%s: resumes from each part's h and finishes to the same digest", async (alg) => {
    for (const part of vector[alg].parts) {
      const hasher = await native.create(alg, { algorithm: alg, h: part.h, offset: part.partOffset });
      expect(hasher.offset).toBe(part.partOffset);
      hasher.update(input.subarray(part.partOffset));
      expect(hasher.digestHex()).toBe(vector[alg].digest);
    }
  });
});

/** Feeds `bytes` to a hasher in random-sized chunks. */
function feed(hasher: { update(bytes: Uint8Array): void }, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength; ) {
    const end = Math.min(bytes.byteLength, at + randomInt(1, 70_000));
    hasher.update(bytes.subarray(at, end));
    at = end;
  }
}

describe("native and hash-wasm are interchangeable", () => {
  it.each(algorithms)("%s: the same states at random 64-byte boundaries, each resuming the other", async (alg) => {
    const data = randomBytes(randomInt(256 * 1024, 1024 * 1024));
    for (let round = 0; round < 8; round++) {
      const split = 64 * randomInt(0, Math.floor(data.byteLength / 64) + 1);
      const [nativeHead, wasmHead] = [await native.create(alg), await createWasmMidstateHasher(alg)];
      feed(nativeHead, data.subarray(0, split));
      feed(wasmHead, data.subarray(0, split));
      const state = nativeHead.midstate();
      expect(state, `split at ${split}`).toEqual(wasmHead.midstate());
      const [wasmTail, nativeTail] = [await createWasmMidstateHasher(alg, state), await native.create(alg, state)];
      feed(wasmTail, data.subarray(split));
      feed(nativeTail, data.subarray(split));
      const expected = createHash(alg).update(data).digest("hex");
      expect([wasmTail.digestHex(), nativeTail.digestHex()], `split at ${split}`).toEqual([expected, expected]);
    }
  });

  it.each(algorithms)("%s: carries lengths past 4 GiB into the padding the same way", async (alg) => {
    const state: Midstate = { ...initialMidstate(alg), offset: 5 * 2 ** 30 + 64 };
    const tail = randomBytes(1000);
    const [wasm, nativeHasher] = [await createWasmMidstateHasher(alg, state), await native.create(alg, state)];
    wasm.update(tail);
    nativeHasher.update(tail);
    expect(nativeHasher.digestHex()).toBe(wasm.digestHex());
  });
});

describe("typed errors, as hash-wasm raises them", () => {
  it("refuses to export a state off a 64-byte boundary", async () => {
    const hasher = await native.create("sha1");
    hasher.update(new Uint8Array(100));
    expect(() => hasher.midstate()).toThrow(MidstateUnalignedError);
    expect(() => hasher.midstate()).toThrow(/byte 100 .*multiple of 64/);
  });

  it("refuses to import an unaligned, foreign or malformed state, or an unknown algorithm", async () => {
    const iv = initialMidstate("sha256");
    await expect(native.create("sha256", { ...iv, offset: 96 })).rejects.toMatchObject({ code: "midstate_unaligned" });
    await expect(native.create("sha1", iv)).rejects.toBeInstanceOf(InvalidMidstateError);
    await expect(native.create("sha256", { ...iv, h: iv.h.slice(1) })).rejects.toThrow(/needs 8 h words/);
    await expect(native.create("sha256", { ...iv, h: [2 ** 32, 0, 0, 0, 0, 0, 0, 0] })).rejects.toThrow(/unsigned 32-bit/);
    await expect(native.create("sha256", { ...iv, offset: -64 })).rejects.toThrow(/not a byte count/);
    await expect(native.create("md5" as HashAlgorithm)).rejects.toThrow(/unknown algorithm md5/);
  });

  it("refuses to be used after digestHex()", async () => {
    const hasher = await native.create("sha256");
    expect(hasher.digestHex()).toBe(createHash("sha256").digest("hex"));
    expect(() => hasher.update(new Uint8Array(1))).toThrow(expect.objectContaining({ code: "hash_finalised" }));
    expect(() => hasher.midstate()).toThrow(expect.objectContaining({ code: "hash_finalised" }));
  });
});

describe("falling back to hash-wasm", () => {
  afterEach(() => setMidstateHasherFactory(native));

  it("when the prebuilt is missing", async () => {
    const missing = prebuiltAddonPath(new URL("./no-such-prebuilds/", import.meta.url));
    setMidstateHasherFactory(loadNativeMidstateHasher(missing));
    expect(midstateHasherKind()).toBe("wasm");
    const hasher = await createMidstateHasher("sha1");
    expect(hasher.kind).toBe("wasm");
    hasher.update(new Uint8Array(64));
    expect(hasher.digestHex()).toBe(createHash("sha1").update(new Uint8Array(64)).digest("hex"));
  });

  it("when the file is not a loadable addon", async () => {
    const dir = await mkdtemp(join(tmpdir(), "midstate-addon-"));
    try {
      const path = join(dir, "direct_upload_midstate.node");
      await writeFile(path, "not a shared object");
      expect(loadNativeMidstateHasher(pathToFileURL(path))).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("when the addon fails its known-answer check", () => {
    const flipsABit = class extends addon.Hasher {
      override words() {
        return super.words().map((word, i) => (i === 0 ? (word ^ 1) >>> 0 : word));
      }
    };
    const ignoresTheOffset = class extends addon.Hasher {
      constructor(algorithm: HashAlgorithm, words?: Uint32Array) {
        super(algorithm, words, 0);
      }
    };
    expect(nativeMidstateHasher({ Hasher: flipsABit })).toBeUndefined();
    expect(nativeMidstateHasher({ Hasher: ignoresTheOffset })).toBeUndefined();
    expect(nativeMidstateHasher(addon)?.kind).toBe("native");
  });
});
