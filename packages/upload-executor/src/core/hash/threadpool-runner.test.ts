import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { algorithms } from "../../../test/fixtures/midstates/vectors.js";
import { collectPass, vectorPass } from "../../../test/helpers/pass-sink.js";
import { UploadAbortedError } from "../errors.js";
import { fromUint8Array, SourceChangedError } from "../source.js";
import { loadMidstateAddon, prebuiltAddonPath, type MidstateAddon } from "./native-hasher.js";
import { threadpoolPassRunner } from "./threadpool-runner.js";

const addonPath = prebuiltAddonPath(new URL("../../../native/prebuilds/", import.meta.url));
const addon = loadMidstateAddon(addonPath) as MidstateAddon;

describe("threadpoolPassRunner", () => {
  const { vector, bytes, job } = vectorPass(["sha256"]);

  it("gives OpenSSL's midstates and digests, reading each chunk into the same buffer as the pass moves on", async () => {
    // One buffer for every read, as a multipart upload's pool reuses its buffers: the pass must be done with a chunk
    // before it asks for the next.
    const buffer = new Uint8Array(job.chunkSize);
    const read = async (start: number, end: number) => {
      buffer.set(bytes.subarray(start, end));
      return buffer.subarray(0, end - start);
    };
    const { sink, states, progress } = collectPass();
    const outcome = await threadpoolPassRunner(addon)(read, job, new AbortController().signal, sink);
    expect(outcome).toEqual({ digests: { sha1: vector.sha1.digest, sha256: vector.sha256.digest }, hashing: "threadpool", hasher: "native" });
    for (const alg of algorithms) {
      expect(states.map((list) => list.find((state) => state.algorithm === alg))).toEqual(
        vector[alg].parts.map((part) => ({ algorithm: alg, h: part.h, offset: part.partOffset })),
      );
    }
    expect(progress.at(-1)).toBe(bytes.byteLength);
  });

  it("rejects with the read's error", async () => {
    const failing = async (start: number, end: number) => {
      if (start > 0) throw new SourceChangedError("b.bin", "short read");
      return fromUint8Array(bytes).read(start, end);
    };
    await expect(threadpoolPassRunner(addon)(failing, job, new AbortController().signal, collectPass().sink)).rejects.toBeInstanceOf(SourceChangedError);
  });

  it("stops with UploadAbortedError once aborted, reading nothing more", async () => {
    const controller = new AbortController();
    let reads = 0;
    const read = async (start: number, end: number) => {
      if (++reads === 2) controller.abort(new Error("user cancelled"));
      return fromUint8Array(bytes).read(start, end);
    };
    await expect(threadpoolPassRunner(addon)(read, job, controller.signal, collectPass().sink)).rejects.toBeInstanceOf(UploadAbortedError);
    expect(reads).toBe(2);
  });
});

describe("the addon's updateAsync", () => {
  const raw = createRequire(import.meta.url)(fileURLToPath(addonPath)) as MidstateAddon;

  it("refuses every other call on the hasher until it has called back", async () => {
    const hasher = new raw.Hasher("sha256");
    const bytes = new Uint8Array(1 << 20);
    const done = new Promise<Error | undefined>((resolve) => hasher.updateAsync(bytes, resolve));
    for (const call of [() => hasher.update(bytes), () => hasher.words(), () => hasher.digest(), () => hasher.updateAsync(bytes, () => undefined)]) {
      expect(call).toThrow(/busy with an updateAsync/);
    }
    expect(await done).toBeUndefined();
    expect(hasher.words()).toHaveLength(8);
  });
});
