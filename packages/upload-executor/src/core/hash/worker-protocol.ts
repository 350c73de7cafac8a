import type { Digests } from "./pass-loop.js";
import type { PassJob } from "./pass-job.js";
import type { Midstate } from "./types.js";

/** Main thread → worker. The worker reads the Blob itself, so file bytes never cross the thread boundary. */
export type WorkerRequest = { type: "start"; blob: Blob; job: PassJob } | { type: "cancel" };

/** Worker → main thread. Errors travel as plain data because class identity does not survive structured cloning. */
export type WorkerReply =
  | { type: "midstate"; index: number; state: Midstate }
  | { type: "progress"; bytesHashed: number }
  | { type: "done"; digests: Digests }
  | { type: "error"; code: string; message: string; retryable: boolean };

/** The part of a Worker (or a MessagePort) each side needs. */
export interface MessageEndpoint<Out, In> {
  postMessage(message: Out): void;
  addEventListener(type: "message", listener: (event: { data: In }) => void): void;
}
