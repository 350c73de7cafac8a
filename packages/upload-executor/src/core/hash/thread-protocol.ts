import type { MidstateHasherKind } from "./types.js";
import type { WorkerReply } from "./worker-protocol.js";

import type { PassJob } from "./pass-job.js";

/** The thread's workerData: its pass, and the shared ring of chunk slots (each job.chunkSize bytes) it reads from. */
export interface ThreadData {
  job: PassJob;
  ring: SharedArrayBuffer;
}

/** Main thread → Node hashing thread: the next chunk (in chunkRanges order) is in `slot` of the ring. */
export type ThreadRequest = { type: "chunk"; slot: number; length: number };

/**
 * Node hashing thread → main thread: ready once loaded, then the Web Worker's replies, `done` naming the hasher. The
 * `progress` after each chunk frees its slot: the chunk was hashed before it was sent.
 */
export type ThreadReply = { type: "ready" } | Exclude<WorkerReply, { type: "done" }> | (Extract<WorkerReply, { type: "done" }> & { hasher: MidstateHasherKind });
