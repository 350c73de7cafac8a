// Node only: a hashing pass on libuv's thread pool through the native addon, with no worker thread. The event loop
// only reads; each chunk is hashed where it was read (no copy into a thread's memory), each algorithm on a thread of
// its own, and a pass costs no isolate (about 10 MiB of RSS per worker thread).
import { DirectUploadError } from "@direct-upload/client-core";
import { UploadAbortedError } from "../errors.js";
import type { MidstateAddon } from "./native-hasher.js";
import { chunkRanges, type Digests, type PassRunner } from "./pass-loop.js";
import type { HashAlgorithm } from "./types.js";

type AddonHasher = InstanceType<MidstateAddon["Hasher"]>;

const hashed = (hasher: AddonHasher, bytes: Uint8Array) =>
  new Promise<void>((resolve, reject) =>
    hasher.updateAsync(bytes, (error) =>
      error ? reject(new DirectUploadError("midstate_worker_failed", `The thread-pool hash failed: ${error.message}`, { retryable: true })) : resolve(),
    ),
  );

/** A runner hashing with `addon` (checked by loadMidstateAddon); the whole-source digests come from it as well. */
export function threadpoolPassRunner(addon: MidstateAddon): PassRunner {
  return async (read, job, signal, sink) => {
    const start = (algorithm: HashAlgorithm) => ({ algorithm, hasher: new addon.Hasher(algorithm) });
    const chained = job.algorithms.map(start);
    const all = [...chained, ...job.digests.map(start)];
    const { boundaries } = job;
    let next = 0;
    const exportAt = (offset: number) => {
      // makePassJob checked that every boundary is a multiple of 64.
      for (; boundaries[next] === offset; next++) for (const { algorithm, hasher } of chained) sink.midstate(next, { algorithm, h: hasher.words(), offset });
    };
    for (const [start, end] of chunkRanges(job)) {
      exportAt(start);
      const bytes = await read(start, end);
      if (signal.aborted) throw new UploadAbortedError(signal.reason);
      // The read's buffer is reused only once the pass asks for its next chunk: after every hasher is done with it.
      await Promise.all(all.map(({ hasher }) => hashed(hasher, bytes)));
      sink.progress(end);
    }
    exportAt(job.size);
    const digests: Digests = Object.fromEntries(all.map(({ algorithm, hasher }) => [algorithm, hasher.digest().toString("hex")]));
    return { digests, hashing: "threadpool", hasher: "native" };
  };
}
