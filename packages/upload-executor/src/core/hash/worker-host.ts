import { DirectUploadError } from "@direct-upload/client-core";
import { fromBlob, SourceChangedError } from "../source.js";
import { runMidstatePass, type Digests } from "./pass-loop.js";
import type { PassJob } from "./pass-job.js";
import type { MessageEndpoint, WorkerReply, WorkerRequest } from "./worker-protocol.js";

type Endpoint = MessageEndpoint<WorkerReply, WorkerRequest>;

async function hashBlob(endpoint: Endpoint, blob: Blob, job: PassJob, signal: AbortSignal): Promise<Digests> {
  const source = fromBlob(blob);
  if (source.size !== job.size) throw new SourceChangedError(source.name, `${source.size} bytes, expected ${job.size}`);
  return runMidstatePass((start, end) => source.read(start, end), job, signal, {
    midstate: (index, state) => endpoint.postMessage({ type: "midstate", index, state }),
    progress: (bytesHashed) => endpoint.postMessage({ type: "progress", bytesHashed }),
  });
}

/** A failure as plain data (class identity does not survive structured cloning). */
export function errorReply(error: unknown): Extract<WorkerReply, { type: "error" }> {
  const typed = DirectUploadError.is(error) ? error : undefined;
  return {
    type: "error",
    code: typed?.code ?? "midstate_pass_failed",
    message: error instanceof Error ? error.message : String(error),
    retryable: typed?.retryable ?? false,
  };
}

/** The worker's side: runs one pass per "start" over the Blob it was given and reports every result. */
export function serveMidstatePasses(endpoint: Endpoint): void {
  let controller: AbortController | undefined;
  endpoint.addEventListener("message", ({ data }) => {
    if (data.type === "cancel") {
      controller?.abort();
      return;
    }
    controller = new AbortController();
    hashBlob(endpoint, data.blob, data.job, controller.signal).then(
      (digests) => endpoint.postMessage({ type: "done", digests }),
      (error: unknown) => endpoint.postMessage(errorReply(error)),
    );
  });
}
