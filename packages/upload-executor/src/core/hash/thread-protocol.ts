import type { MidstateHasherKind } from "./types.js";
import type { WorkerReply } from "./worker-protocol.js";

/** Main thread → Node hashing thread: the source's bytes in chunkRanges order (the job rides in workerData). */
export type ThreadRequest = { type: "chunk"; bytes: Uint8Array };

/** Node hashing thread → main thread: ready once loaded, then the Web Worker's replies, `done` naming the hasher. */
export type ThreadReply = { type: "ready" } | Exclude<WorkerReply, { type: "done" }> | (Extract<WorkerReply, { type: "done" }> & { hasher: MidstateHasherKind });
