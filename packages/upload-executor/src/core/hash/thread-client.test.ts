import { describe, expect, it } from "vitest";
import { algorithms } from "../../../test/fixtures/midstates/vectors.js";
import { collectPass, vectorPass } from "../../../test/helpers/pass-sink.js";
import { fromUint8Array, SourceChangedError } from "../source.js";
import { threadPassRunner } from "./thread-client.js";

// The built thread entry (the test task runs after build); src/ has no JavaScript a worker thread could start.
const script = new URL("../../../dist/hash-thread.js", import.meta.url);

describe("threadPassRunner", () => {
  const { vector, bytes, job } = vectorPass(["sha256"]);
  const read = (start: number, end: number) => fromUint8Array(bytes).read(start, end);

  it("hashes in a worker thread with the native hasher, leaving the caller's bytes intact", async () => {
    const { sink, states } = collectPass();
    const outcome = await threadPassRunner(script)(read, job, new AbortController().signal, sink);
    expect(outcome).toEqual({ digests: { sha1: vector.sha1.digest, sha256: vector.sha256.digest }, hashing: "worker", hasher: "native" });
    for (const alg of algorithms) {
      expect(states.map((list) => list.find((state) => state.algorithm === alg)?.h)).toEqual(vector[alg].parts.map((part) => part.h));
    }
    expect(bytes.byteLength).toBe(vector.bytes);
  });

  it("rejects with the read's error", async () => {
    const failing = async (start: number, end: number) => {
      if (start > 0) throw new SourceChangedError("b.bin", "short read");
      return read(start, end);
    };
    await expect(threadPassRunner(script)(failing, job, new AbortController().signal, collectPass().sink)).rejects.toBeInstanceOf(SourceChangedError);
  });

  it("resolves undefined, with the reason, when the thread cannot load", async () => {
    const { sink, reasons } = collectPass();
    const missing = new URL("./no-such-thread.js", script);
    expect(await threadPassRunner(missing)(read, job, new AbortController().signal, sink)).toBeUndefined();
    expect(reasons).toHaveLength(1);
  });
});
