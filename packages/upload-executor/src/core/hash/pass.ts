import { UploadAbortedError } from "../errors.js";
import type { UploadSource } from "../source.js";
import { runMidstatePass, type Digests, type PassSink } from "./pass-loop.js";
import { makePassJob } from "./pass-job.js";
import { PassResults } from "./pass-results.js";
import type { HashAlgorithm, Midstate } from "./types.js";
import { hasWebWorkers, runInWorker } from "./worker-client.js";

export interface MidstatePassOptions {
  signal?: AbortSignal;
  /** Bytes read (and held in memory) at a time; default 4 MiB. */
  chunkSize?: number;
  onProgress?: (bytesHashed: number) => void;
  /** Whole-source digests to compute as well, without states (e.g. PDS's reported SHA-256 in SHA-1 mode). */
  digests?: readonly HashAlgorithm[];
  /** Hash in a Web Worker when the environment has one and the source is a Blob; default true. */
  worker?: boolean;
}

export interface MidstatePass {
  /** The state at `boundaries[index]`, as soon as the pass has read that far. */
  at(index: number, algorithm: HashAlgorithm): Promise<Midstate>;
  /** Lowercase hex digests of the whole source, for each algorithm and each of `digests`, once the pass ends. */
  digests(): Promise<Partial<Record<HashAlgorithm, string>>>;
  /** Stops reading; everything still pending rejects with UploadAbortedError. */
  cancel(): void;
}

/**
 * One sequential, bounded-memory pass over the source that yields the midstate at each requested boundary
 * (part start offsets, each a multiple of 64, ascending, first = 0) for every requested algorithm, and the
 * whole-file digests at the end. It runs ahead of the uploads and overlaps with them: a consumer awaits
 * `at(i)` for part i, while the pass keeps reading. Memory is one read chunk (default 4 MiB), regardless of file size.
 * In browsers, when Worker is available, the pass runs in a Web Worker (dist/hash-worker.js, loaded with
 * new URL("./hash-worker.js", import.meta.url)) reading the Blob itself; else on the main thread.
 */
export function startMidstatePass(
  source: UploadSource,
  boundaries: readonly number[],
  algorithms: readonly HashAlgorithm[],
  options: MidstatePassOptions = {},
): MidstatePass {
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
  };
  const run = async (): Promise<Digests> => {
    if (options.worker !== false && source.blob && hasWebWorkers()) {
      const digests = await runInWorker(source.blob(0, source.size), job, controller.signal, sink);
      if (digests) return digests;
    }
    return runMidstatePass((start, end) => source.read(start, end), job, controller.signal, sink);
  };

  if (signal?.aborted) onAbort();
  else {
    signal?.addEventListener("abort", onAbort, { once: true });
    run()
      .then(
        (digests) => results.finish(digests),
        (error: unknown) => results.fail(error),
      )
      .finally(() => signal?.removeEventListener("abort", onAbort));
  }
  return {
    at: (index, algorithm) => results.at(index, algorithm),
    digests: () => results.digests(),
    cancel: () => abort(),
  };
}
