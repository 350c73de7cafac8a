import { UploadAbortedError } from "../errors.js";
import { createWholeDigest } from "./digest.js";
import { createMidstateHasher } from "./hasher.js";
import type { PassJob } from "./pass-job.js";
import type { HashAlgorithm, Midstate } from "./types.js";

export type Digests = Partial<Record<HashAlgorithm, string>>;

/** Where a pass reports what it found, as soon as it finds it. */
export interface PassSink {
  midstate(index: number, state: Midstate): void;
  progress(bytesHashed: number): void;
}

/**
 * The pass itself, shared by the main thread and the Web Worker: reads the source once, in order, one chunk at a
 * time (never across a boundary), exports every state at its boundary and returns the whole-source digests.
 * The midstate hashers hash only what needs states; every other digest comes from the same read.
 */
export async function runMidstatePass(
  read: (start: number, end: number) => Promise<Uint8Array>,
  job: PassJob,
  signal: AbortSignal,
  sink: PassSink,
): Promise<Digests> {
  const hashers = await Promise.all(job.algorithms.map((alg) => createMidstateHasher(alg)));
  const plain = await Promise.all(job.digests.map(async (alg) => [alg, await createWholeDigest(alg)] as const));
  const { size, boundaries, chunkSize } = job;
  let next = 0;
  for (let position = 0; ; ) {
    for (; boundaries[next] === position; next++) {
      for (const hasher of hashers) sink.midstate(next, hasher.midstate());
    }
    if (position >= size) break;
    const end = Math.min(position + chunkSize, size, boundaries[next] ?? size);
    const bytes = await read(position, end);
    if (signal.aborted) throw new UploadAbortedError(signal.reason);
    for (const hasher of hashers) hasher.update(bytes);
    for (const [, digest] of plain) digest.update(bytes);
    position = end;
    sink.progress(position);
  }
  return Object.fromEntries([...hashers.map((hasher) => [hasher.algorithm, hasher.digestHex()]), ...plain.map(([alg, digest]) => [alg, digest.digestHex()])]);
}
