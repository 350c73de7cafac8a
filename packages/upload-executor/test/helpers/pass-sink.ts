// Test-only: a hashing pass over an OpenSSL vector, and a sink that records what a pass runner reports.
import { makePassJob, type PassJob } from "../../src/core/hash/pass-job.js";
import type { PassSink } from "../../src/core/hash/pass-loop.js";
import type { HashAlgorithm, Midstate } from "../../src/core/hash/types.js";
import { algorithms, generate, vectors, type MidstateVector } from "../fixtures/midstates/vectors.js";

/** The second vector's bytes and a job with a boundary at each of its parts, read 50,000 bytes at a time. */
export function vectorPass(digests: HashAlgorithm[] = []): { vector: MidstateVector; bytes: ReturnType<typeof generate>; job: PassJob } {
  const vector = vectors[1] as MidstateVector;
  const bytes = generate(vector);
  const job = makePassJob(
    bytes.byteLength,
    vector.sha1.parts.map((part) => part.partOffset),
    algorithms,
    50_000,
    digests,
  );
  return { vector, bytes, job };
}

/** Every state by boundary index, every progress report and every reason a runner gave for not starting. */
export function collectPass(): { sink: PassSink; states: Midstate[][]; progress: number[]; reasons: string[] } {
  const states: Midstate[][] = [];
  const progress: number[] = [];
  const reasons: string[] = [];
  const sink: PassSink = { midstate: (i, state) => (states[i] ??= []).push(state), progress: (n) => progress.push(n), unavailable: (reason) => reasons.push(reason) };
  return { sink, states, progress, reasons };
}
