import { UploadAbortedError } from "../errors.js";
import { createWholeDigest } from "./digest.js";
import { createMidstateHasher } from "./hasher.js";
import type { PassJob } from "./pass-job.js";
import type { HashAlgorithm, HashingReport, Midstate } from "./types.js";

export type Digests = Partial<Record<HashAlgorithm, string>>;

/** Where a pass reports what it found, as soon as it finds it. */
export interface PassSink {
  midstate(index: number, state: Midstate): void;
  progress(bytesHashed: number): void;
  /** The worker could not load, with the reason; the pass then runs on the main thread. */
  unavailable?(reason: string): void;
}

/** The digests of a finished pass, and where it ran. */
export interface PassOutcome extends HashingReport {
  digests: Digests;
}

/** Reads the source in order; each range is the next of chunkRanges(job). */
export type PassReader = (start: number, end: number) => Promise<Uint8Array>;

/** Runs a pass somewhere other than the event loop; undefined (with sink.unavailable) when it cannot start there. */
export type PassRunner = (read: PassReader, job: PassJob, signal: AbortSignal, sink: PassSink) => Promise<PassOutcome | undefined>;

/** The ranges a pass reads, in order: at most `chunkSize` bytes each, never across a boundary. */
export function* chunkRanges({ size, boundaries, chunkSize }: PassJob): Generator<[start: number, end: number]> {
  let next = 0;
  for (let position = 0; position < size; ) {
    while (boundaries[next] !== undefined && boundaries[next]! <= position) next++;
    const end = Math.min(position + chunkSize, size, boundaries[next] ?? size);
    yield [position, end];
    position = end;
  }
}

/**
 * The pass itself, shared by the main thread and the Web Worker: reads the source once, in order, one chunk at a
 * time (never across a boundary), exports every state at its boundary and returns the whole-source digests.
 * The midstate hashers hash only what needs states; every other digest comes from the same read.
 */
export async function runMidstatePass(read: PassReader, job: PassJob, signal: AbortSignal, sink: PassSink): Promise<Digests> {
  const hashers = await Promise.all(job.algorithms.map((alg) => createMidstateHasher(alg)));
  const plain = await Promise.all(job.digests.map(async (alg) => [alg, await createWholeDigest(alg)] as const));
  const { boundaries } = job;
  let next = 0;
  const exportAt = (position: number) => {
    for (; boundaries[next] === position; next++) {
      for (const hasher of hashers) sink.midstate(next, hasher.midstate());
    }
  };
  for (const [start, end] of chunkRanges(job)) {
    exportAt(start);
    const bytes = await read(start, end);
    if (signal.aborted) throw new UploadAbortedError(signal.reason);
    for (const hasher of hashers) hasher.update(bytes);
    for (const [, digest] of plain) digest.update(bytes);
    sink.progress(end);
  }
  exportAt(job.size);
  return Object.fromEntries([...hashers.map((hasher) => [hasher.algorithm, hasher.digestHex()]), ...plain.map(([alg, digest]) => [alg, digest.digestHex()])]);
}
