import { afterEach, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { fromBlob, type UploadSource } from "../source.js";
import { startMidstatePass, type MidstatePass } from "./pass.js";
import type { MidstateVector } from "../../../test/fixtures/midstates/vectors.js";
import type { HashAlgorithm } from "./types.js";
import type { WorkerReply } from "./worker-protocol.js";

const algorithms: HashAlgorithm[] = ["sha1", "sha256"];
const RealWorker = globalThis.Worker;
afterEach(() => void (globalThis.Worker = RealWorker));

interface WorkerRecord {
  replies: WorkerReply[];
  terminated: boolean;
}

/** Replaces the page's Worker constructor with a subclass that records every worker created, what it sent back, and its end. */
function recordWorkers(): WorkerRecord[] {
  const records: WorkerRecord[] = [];
  globalThis.Worker = class RecordingWorker extends RealWorker {
    private readonly record: WorkerRecord;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.record = { replies: [], terminated: false };
      records.push(this.record);
      this.addEventListener("message", (event: MessageEvent<WorkerReply>) => void this.record.replies.push(event.data));
    }
    override terminate(): void {
      this.record.terminated = true;
      super.terminate();
    }
  };
  return records;
}

/** A File holding a known-answer vector's input, as a Blob-backed source that counts reads made on this (main) thread. */
async function vectorSource(name: string) {
  const { vector, base64 } = await commands.midstateVector(name);
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const inner = fromBlob(new File([bytes], `${name}.bin`));
  const mainThreadReads: Array<[number, number]> = [];
  const source: UploadSource = { ...inner, read: (start, end) => (mainThreadReads.push([start, end]), inner.read(start, end)) };
  return { vector, source, mainThreadReads, boundaries: vector.sha1.parts.map((part) => part.partOffset) };
}

async function expectVector(pass: MidstatePass, vector: MidstateVector): Promise<void> {
  for (const alg of algorithms) {
    for (const [index, part] of vector[alg].parts.entries()) {
      expect(await pass.at(index, alg)).toEqual({ algorithm: alg, h: part.h, offset: part.partOffset });
    }
  }
  expect(await pass.digests()).toEqual({ sha1: vector.sha1.digest, sha256: vector.sha256.digest });
}

describe("startMidstatePass in Chromium", () => {
  it("hashes a File in a Web Worker: the worker sends OpenSSL's states and digests, the main thread reads nothing", async () => {
    const workers = recordWorkers();
    const { vector, source, mainThreadReads, boundaries } = await vectorSource("pattern-a");
    const progress: number[] = [];
    const pass = startMidstatePass(source, boundaries, algorithms, { chunkSize: 100_000, onProgress: (n) => progress.push(n) });
    await expectVector(pass, vector);

    expect(workers).toHaveLength(1);
    const [worker] = workers as [WorkerRecord];
    expect(worker.replies.at(-1)).toEqual({ type: "done", digests: { sha1: vector.sha1.digest, sha256: vector.sha256.digest } });
    for (const alg of algorithms) {
      const sent = worker.replies.flatMap((reply) => (reply.type === "midstate" && reply.state.algorithm === alg ? [reply.state.h] : []));
      expect(sent).toEqual(vector[alg].parts.map((part) => part.h));
    }
    expect(worker.terminated).toBe(true);
    expect(mainThreadReads).toEqual([]);
    expect(progress.at(-1)).toBe(vector.bytes);
  });

  it("terminates the worker when the pass is cancelled", async () => {
    const workers = recordWorkers();
    const { source, boundaries } = await vectorSource("pattern-a");
    const pass = startMidstatePass(source, boundaries, algorithms);
    pass.cancel(); // the worker was created synchronously and is still hashing
    await expect(pass.digests()).rejects.toMatchObject({ code: "aborted" });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
  });

  it("falls back to the main thread where there is no Worker", async () => {
    const workers = recordWorkers();
    Reflect.deleteProperty(globalThis, "Worker");
    const { vector, source, mainThreadReads, boundaries } = await vectorSource("pattern-b");
    await expectVector(startMidstatePass(source, boundaries, algorithms), vector);
    expect(workers).toEqual([]);
    expect(mainThreadReads.at(-1)?.[1]).toBe(vector.bytes);
  });
});
