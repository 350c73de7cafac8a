// Node only: runs a hashing pass in a worker thread, so several uploads hash on several cores.
import { Worker } from "node:worker_threads";
import { DirectUploadError } from "@direct-upload/client-core";
import { UploadAbortedError } from "../errors.js";
import { chunkRanges, type PassOutcome, type PassReader, type PassSink } from "./pass-loop.js";
import type { PassJob } from "./pass-job.js";
import type { ThreadReply, ThreadRequest } from "./thread-protocol.js";

/** Chunks read ahead of the thread's hashing: bounds memory to about this many read chunks per pass. */
const AHEAD = 2;

/** Runs a pass somewhere other than the event loop; undefined (with sink.unavailable) when it cannot start there. */
export type PassRunner = (read: PassReader, job: PassJob, signal: AbortSignal, sink: PassSink, ownedReads: boolean) => Promise<PassOutcome | undefined>;

/**
 * A runner that starts `script` (dist/hash-thread.js) per pass and feeds it the source's bytes in order; the main
 * thread only reads. Chunks the source hands over as its own (`ownedReads`) are transferred, others copied.
 */
export function threadPassRunner(script: URL): PassRunner {
  return (read, job, signal, sink, ownedReads) =>
    new Promise<PassOutcome | undefined>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: job });
      } catch (error) {
        sink.unavailable?.(String(error));
        return resolve(undefined);
      }
      let started = false;
      let hashed = 0;
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
        for (const [start, end] of chunkRanges(job)) {
          while (start - hashed >= AHEAD * job.chunkSize) await new Promise<void>((resolve) => (wake = resolve));
          const bytes = await read(start, end);
          if (signal.aborted) return;
          const chunk = ownedReads ? bytes : new Uint8Array(bytes); // a copy (Buffer.slice would be a view)
          worker.postMessage({ type: "chunk", bytes: chunk } satisfies ThreadRequest, [chunk.buffer as ArrayBuffer]);
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
          hashed = data.bytesHashed;
          sink.progress(hashed);
          wake?.();
        } else if (data.type === "done") {
          stop();
          resolve({ digests: data.digests, hashing: "worker", hasher: data.hasher });
        } else fail(new DirectUploadError(data.code, data.message, { retryable: data.retryable }));
      });
    });
}
