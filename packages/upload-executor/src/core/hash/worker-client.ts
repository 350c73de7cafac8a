import { DirectUploadError } from "@direct-upload/client-core";
import { UploadAbortedError } from "../errors.js";
import type { Digests, PassSink } from "./pass-loop.js";
import type { PassJob } from "./pass-job.js";
import type { MessageEndpoint, WorkerReply, WorkerRequest } from "./worker-protocol.js";

export type WorkerHandle = MessageEndpoint<WorkerRequest, WorkerReply> & {
  addEventListener(type: "error", listener: (event: unknown) => void): void;
  terminate(): void;
};

/**
 * The bundled worker next to this module (dist/hash-worker.js). Written as one `new Worker(new URL(...))`
 * expression so bundlers (Vite, webpack 5) recognise it and emit the worker with the app.
 */
function spawnHashWorker(): WorkerHandle {
  return new Worker(new URL("./hash-worker.js", import.meta.url), { type: "module" }) as unknown as WorkerHandle;
}

/** Whether this environment has Web Workers. Node has none, so Node passes run on the main thread. */
export function hasWebWorkers(): boolean {
  return typeof Worker === "function";
}

/**
 * Runs the pass in a worker. Resolves with the digests; if the worker cannot load (no bundler support, CSP,
 * CJS build without import.meta) before it reports anything, tells sink.unavailable why and resolves with undefined
 * so the caller hashes here.
 */
export function runInWorker(blob: Blob, job: PassJob, signal: AbortSignal, sink: PassSink, spawn = spawnHashWorker): Promise<Digests | undefined> {
  let worker: WorkerHandle;
  try {
    worker = spawn();
  } catch (error) {
    sink.unavailable?.(String(error));
    return Promise.resolve(undefined);
  }
  return new Promise<Digests | undefined>((resolve, reject) => {
    let heard = false;
    const stop = () => {
      signal.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: "cancel" });
      stop();
      reject(new UploadAbortedError(signal.reason));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    worker.addEventListener("error", (event) => {
      stop();
      const reason = String((event as { message?: unknown }).message ?? "the worker script failed to load");
      if (!heard) {
        sink.unavailable?.(reason);
        resolve(undefined);
      } else
        reject(new DirectUploadError("midstate_worker_failed", `The hashing worker crashed: ${String((event as { message?: unknown }).message ?? event)}`, { retryable: true }));
    });
    worker.addEventListener("message", ({ data }) => {
      heard = true;
      if (data.type === "midstate") sink.midstate(data.index, data.state);
      else if (data.type === "progress") sink.progress(data.bytesHashed);
      else {
        stop();
        if (data.type === "done") resolve(data.digests);
        else reject(new DirectUploadError(data.code, data.message, { retryable: data.retryable }));
      }
    });
    worker.postMessage({ type: "start", blob, job });
  });
}
