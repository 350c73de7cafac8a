import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UploadAbortedError } from "../errors.js";
import { fromUint8Array, SourceChangedError, type UploadSource } from "../source.js";
import { fromFile } from "../source-node.js";
import { MidstateUnalignedError } from "./errors.js";
import { initialMidstate } from "./hasher.js";
import { startMidstatePass, type MidstatePass } from "./pass.js";
import { algorithms, generate, vectors, type MidstateVector } from "../../../test/fixtures/midstates/vectors.js";

const [patternA, patternB] = vectors as [MidstateVector, MidstateVector];

async function expectVector(pass: MidstatePass, vector: MidstateVector): Promise<void> {
  for (const alg of algorithms) {
    for (const [index, part] of vector[alg].parts.entries()) {
      expect(await pass.at(index, alg)).toEqual({ algorithm: alg, h: part.h, offset: part.partOffset });
    }
  }
  expect(await pass.digests()).toEqual({ sha1: vector.sha1.digest, sha256: vector.sha256.digest });
}

const offsets = (vector: MidstateVector) => vector.sha1.parts.map((part) => part.partOffset);

/** A source whose reads wait until the test lets them through, recording each range asked for. */
function gatedSource(bytes: Uint8Array) {
  const inner = fromUint8Array(bytes);
  const reads: [number, number][] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const source: UploadSource = { ...inner, read: async (start, end) => (reads.push([start, end]), await gate, inner.read(start, end)) };
  return { source, reads, open };
}

describe("startMidstatePass", () => {
  it("yields OpenSSL's state at every boundary and the digests, reading chunks that straddle no boundary", async () => {
    const bytes = generate(patternA);
    const progress: number[] = [];
    const pass = startMidstatePass(fromUint8Array(bytes), offsets(patternA), algorithms, {
      chunkSize: 100_000,
      onProgress: (hashed) => progress.push(hashed),
    });
    await expectVector(pass, patternA);
    expect(progress.at(-1)).toBe(patternA.bytes);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress).toContain(65536);
  });

  it("hashes a real file through fromFile", async () => {
    const dir = await mkdtemp(join(tmpdir(), "midstate-pass-"));
    const path = join(dir, "pattern-b.bin");
    await writeFile(path, generate(patternB));
    const source = await fromFile(path);
    try {
      await expectVector(startMidstatePass(source, offsets(patternB), ["sha256", "sha1"]), patternB);
    } finally {
      await source.close?.();
      await rm(dir, { recursive: true });
    }
  });

  it("hashes an empty and a 1-byte source", async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0x61])]) {
      const pass = startMidstatePass(fromUint8Array(bytes), [0], algorithms);
      expect(await pass.at(0, "sha256")).toEqual(initialMidstate("sha256"));
      expect(await pass.digests()).toEqual({
        sha1: createHash("sha1").update(bytes).digest("hex"),
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }
  });

  it("computes digests that need no states from the same reads, with states only for the algorithms asked", async () => {
    const { source, reads, open } = gatedSource(generate(patternB));
    open();
    const pass = startMidstatePass(source, offsets(patternB), ["sha1"], { digests: ["sha256", "sha1"] });
    expect(await pass.digests()).toEqual({ sha1: patternB.sha1.digest, sha256: patternB.sha256.digest });
    await expect(pass.at(1, "sha256")).rejects.toMatchObject({ code: "midstate_not_requested" });
    expect(reads.reduce((bytes, [start, end]) => bytes + end - start, 0)).toBe(patternB.bytes);

    const plain = startMidstatePass(fromUint8Array(generate(patternA)), [0], [], { digests: ["sha256"] });
    expect(await plain.digests()).toEqual({ sha256: patternA.sha256.digest });
  });

  it("stops reading and rejects what is pending when the signal aborts", async () => {
    const { source, reads, open } = gatedSource(generate(patternB));
    const controller = new AbortController();
    const pass = startMidstatePass(source, offsets(patternB), ["sha1"], { signal: controller.signal });
    expect((await pass.at(0, "sha1")).offset).toBe(0);
    controller.abort(new Error("user left"));
    await expect(pass.at(1, "sha1")).rejects.toBeInstanceOf(UploadAbortedError);
    await expect(pass.digests()).rejects.toMatchObject({ code: "aborted" });
    open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toEqual([[0, 64000]]);
  });

  it("cancel() and an already-aborted signal reject every pending state", async () => {
    const gated = gatedSource(generate(patternB));
    const pass = startMidstatePass(gated.source, offsets(patternB), ["sha256"]);
    pass.cancel();
    gated.open();
    await expect(pass.at(2, "sha256")).rejects.toMatchObject({ code: "aborted" });

    const { source, reads } = gatedSource(generate(patternB));
    const early = startMidstatePass(source, offsets(patternB), ["sha256"], { signal: AbortSignal.abort() });
    await expect(early.at(0, "sha256")).rejects.toBeInstanceOf(UploadAbortedError);
    expect(reads).toEqual([]);
  });

  it("passes a read failure to every pending state and the digests", async () => {
    const inner = fromUint8Array(generate(patternB));
    const source: UploadSource = {
      ...inner,
      read: async (start, end) => {
        if (start >= 128000) throw new SourceChangedError("pattern-b.bin", "short read");
        return inner.read(start, end);
      },
    };
    const pass = startMidstatePass(source, offsets(patternB), ["sha1"]);
    expect((await pass.at(2, "sha1")).h).toEqual(patternB.sha1.parts[2]!.h);
    await expect(pass.at(3, "sha1")).rejects.toBeInstanceOf(SourceChangedError);
    await expect(pass.digests()).rejects.toMatchObject({ code: "source_changed" });
  });

  it("throws typed errors for a bad request before reading anything", () => {
    const source = fromUint8Array(new Uint8Array(1000));
    expect(() => startMidstatePass(source, [0, 100], ["sha1"])).toThrow(MidstateUnalignedError);
    expect(() => startMidstatePass(source, [0, 100], ["sha1"])).toThrow(/part 2's start at byte 100/);
    expect(() => startMidstatePass(source, [64], ["sha1"])).toThrow(expect.objectContaining({ code: "midstate_pass_invalid" }));
    expect(() => startMidstatePass(source, [0, 128, 64], ["sha1"])).toThrow(/ascending/);
    expect(() => startMidstatePass(source, [0, 1024], ["sha1"])).toThrow(/outside/);
    expect(() => startMidstatePass(source, [0], [])).toThrow(/algorithms/);
    expect(() => startMidstatePass(source, [0], [], { digests: [] })).toThrow(/digests/);
    expect(() => startMidstatePass(source, [0], ["sha1"], { chunkSize: 0 })).toThrow(/chunkSize/);
  });

  it("rejects at() for a boundary or algorithm it was not asked for", async () => {
    const pass = startMidstatePass(fromUint8Array(new Uint8Array(128)), [0, 64], ["sha1"]);
    await expect(pass.at(2, "sha1")).rejects.toMatchObject({ code: "midstate_not_requested" });
    await expect(pass.at(0, "sha256")).rejects.toMatchObject({ code: "midstate_not_requested" });
    await pass.digests();
  });
});
