// Node only, when the native addon cannot load: runs a hashing pass (hash-wasm) in a worker thread, so several uploads
// hash on several cores.
import { Worker } from "node:worker_threads";
import { DirectUploadError } from "@direct-upload/client-core";
import { UploadAbortedError } from "../errors.js";
import { chunkRanges, type PassOutcome, type PassRunner } from "./pass-loop.js";
import type { ThreadData, ThreadReply, ThreadRequest } from "./thread-protocol.js";

/** Read chunks in flight to the thread: the shared ring holds this many, so memory stays fixed per pass. */
const AHEAD = 2;

/**
 * A runner that starts `script` (dist/hash-thread.js) per pass and feeds it the source's bytes in order through a
 * ring of AHEAD chunk slots in shared memory; the main thread only reads and copies. Transferring the read buffers
 * instead would leave freeing them to the thread's rare garbage collections (hundreds of MiB of RSS).
 */
export function threadPassRunner(script: URL): PassRunner {
  return (read, job, signal, sink) =>
    new Promise<PassOutcome | undefined>((resolve, reject) => {
      const ring = new SharedArrayBuffer(AHEAD * job.chunkSize);
      let worker: Worker;
      try {
        // The thread only hashes: a small heap keeps its RSS down.
        worker = new Worker(script, { workerData: { job, ring } satisfies ThreadData, resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 } });
      } catch (error) {
        sink.unavailable?.(String(error));
        return resolve(undefined);
      }
      let started = false;
      let hashed = 0; // chunks the thread has finished with
      let wake: (() => void) | undefined;
      const stop = () => {
        signal.removeEventListener("abort", onAbort);
        void worker.terminate();
      };
      const fail = (error: unknown) => {
        stop();
        reject(error);
      };
      const onAbort = () => fail(new UploadAbortedError(signal.reason));
      signal.addEventListener("abort", onAbort, { once: true });
      const pump = async () => {
        let sent = 0;
        for (const [start, end] of chunkRanges(job)) {
          while (sent - hashed >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
          const bytes = await read(start, end);
          if (signal.aborted) return;
          const slot = sent % AHEAD;
          new Uint8Array(ring, slot * job.chunkSize, bytes.byteLength).set(bytes);
          worker.postMessage({ type: "chunk", slot, length: bytes.byteLength } satisfies ThreadRequest);
          sent++;
        }
      };
      worker.on("error", (error) => {
        if (started) return fail(new DirectUploadError("midstate_worker_failed", `The hashing thread crashed: ${error.message}`, { retryable: true }));
        stop();
        sink.unavailable?.(error.message);
        resolve(undefined);
      });
      worker.on("message", (data: ThreadReply) => {
        if (data.type === "ready") {
          started = true;
          pump().catch(fail);
        } else if (data.type === "midstate") sink.midstate(data.index, data.state);
        else if (data.type === "progress") {
          hashed++;
          sink.progress(data.bytesHashed);
          wake?.();
        } else if (data.type === "done") {
          stop();
          resolve({ digests: data.digests, hashing: "worker", hasher: data.hasher });
        } else fail(new DirectUploadError(data.code, data.message, { retryable: data.retryable }));
      });
    });
}
