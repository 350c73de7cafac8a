import { UploadAbortedError } from "../errors.js";
import type { UploadWarning } from "../options.js";
import type { UploadSource } from "../source.js";
import { midstateHasherKind } from "./hasher.js";
import type { PassOutcome, PassRunner, PassSink } from "./pass-loop.js";
import { makePassJob } from "./pass-job.js";
import { PassResults } from "./pass-results.js";
import type { HashAlgorithm, HashingReport, Midstate } from "./types.js";
import { hasWebWorkers, runInWorker } from "./worker-client.js";

let threadRunner: PassRunner | undefined;

/** The Node entry registers its runner here (thread pool or worker thread; the universal entry cannot import either). */
export function setThreadPassRunner(runner: PassRunner | undefined): void {
  threadRunner = runner;
}

export interface MidstatePassOptions {
  signal?: AbortSignal;
  /** Bytes read (and held in memory) at a time; default 4 MiB. */
  chunkSize?: number;
  onProgress?: (bytesHashed: number) => void;
  /** Whole-source digests to compute as well, without states (e.g. PDS's reported SHA-256 in SHA-1 mode). */
  digests?: readonly HashAlgorithm[];
  /** Hash off the event loop when it can: a Web Worker (browser Blobs), libuv's thread pool or a worker thread (Node); default true. */
  worker?: boolean;
  /** Called once per pass when the worker cannot load, with the reason; the pass then runs on the main thread. */
  onWarning?: (warning: UploadWarning) => void;
}

export interface MidstatePass {
  /** The state at `boundaries[index]`, as soon as the pass has read that far. */
  at(index: number, algorithm: HashAlgorithm): Promise<Midstate>;
  /** Lowercase hex digests of the whole source, for each algorithm and each of `digests`, once the pass ends. */
  digests(): Promise<Partial<Record<HashAlgorithm, string>>>;
  /** Where the pass ran and with which hasher, once it ends (providers other than startMidstatePass may not say). */
  report?(): Promise<HashingReport>;
  /** Stops reading; everything still pending rejects with UploadAbortedError. */
  cancel(): void;
}

/**
 * One sequential, bounded-memory pass over the source that yields the midstate at each requested boundary
 * (part start offsets, each a multiple of 64, ascending, first = 0) for every requested algorithm, and the
 * whole-file digests at the end. It runs ahead of the uploads and overlaps with them: a consumer awaits
 * `at(i)` for part i, while the pass keeps reading. Memory is a read chunk or two (default 4 MiB each), regardless of
 * file size.
 * In browsers, when Worker is available, the pass runs in a Web Worker (dist/hash-worker.js, loaded with
 * new URL("./hash-worker.js", import.meta.url)) reading the Blob itself; in Node (through the Node entry) on libuv's
 * thread pool with the native addon, else in a worker thread (dist/hash-thread.js), fed by the main thread's reads;
 * else, or when that cannot load, on the main thread.
 */
export function startMidstatePass(
  source: UploadSource,
  boundaries: readonly number[],
  algorithms: readonly HashAlgorithm[],
  options: MidstatePassOptions = {},
): Required<MidstatePass> {
  const job = makePassJob(source.size, boundaries, algorithms, options.chunkSize, options.digests);
  const results = new PassResults(job.boundaries.length, job.algorithms);
  const controller = new AbortController();
  const { signal } = options;
  const onAbort = () => abort(signal?.reason);
  const abort = (reason?: unknown) => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    results.fail(new UploadAbortedError(reason));
  };
  const sink: PassSink = {
    midstate: (index, state) => results.resolve(index, state),
    progress: (bytes) => options.onProgress?.(bytes),
    unavailable: (reason) => options.onWarning?.({ code: "hash_worker_unavailable", message: `The hashing worker could not load (${reason}); hashing on the main thread instead` }),
  };
  const read = (start: number, end: number) => source.read(start, end);
  const run = async (): Promise<PassOutcome> => {
    if (options.worker !== false && source.blob && hasWebWorkers()) {
      const digests = await runInWorker(source.blob(0, source.size), job, controller.signal, sink);
      // The Web Worker entry registers no native hasher.
      if (digests) return { digests, hashing: "worker", hasher: "wasm" };
    } else if (options.worker !== false && threadRunner) {
      const outcome = await threadRunner(read, job, controller.signal, sink);
      if (outcome) return outcome;
    }
    // Loaded only now, so a page whose worker runs never loads the main-thread hashing code.
    const { runMidstatePass } = await import("./pass-loop.js");
    const digests = await runMidstatePass(read, job, controller.signal, sink);
    return { digests, hashing: "main-thread", hasher: midstateHasherKind() };
  };

  if (signal?.aborted) onAbort();
  else {
    signal?.addEventListener("abort", onAbort, { once: true });
    run()
      .then(
        (outcome) => results.finish(outcome),
        (error: unknown) => results.fail(error),
      )
      .finally(() => signal?.removeEventListener("abort", onAbort));
  }
  return {
    at: (index, algorithm) => results.at(index, algorithm),
    digests: () => results.digests(),
    report: () => results.report(),
    cancel: () => abort(),
  };
}
