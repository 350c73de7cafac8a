// Node worker-thread entry (dist/hash-thread.js): runs one hashing pass on the bytes the main thread puts in the ring.
import { parentPort, workerData } from "node:worker_threads";
import { midstateHasherKind } from "./hasher.js";
import { registerNodeHashing } from "./node-hashing.js";
import { runMidstatePass } from "./pass-loop.js";
import type { ThreadData, ThreadReply, ThreadRequest } from "./thread-protocol.js";
import { errorReply } from "./worker-host.js";

// dist/hash-thread.js sits beside dist/node.js, one folder below the package root.
registerNodeHashing(new URL("../native/prebuilds/", import.meta.url));

const port = parentPort!;
const { job, ring } = workerData as ThreadData;
const post = (reply: ThreadReply) => port.postMessage(reply);
const chunks: ThreadRequest[] = [];
let waiting: ((chunk: ThreadRequest) => void) | undefined;
port.on("message", (chunk: ThreadRequest) => {
  if (waiting) waiting(chunk);
  else chunks.push(chunk);
  waiting = undefined;
});
const next = async () => {
  const { slot, length } = chunks.shift() ?? (await new Promise<ThreadRequest>((resolve) => (waiting = resolve)));
  return new Uint8Array(ring, slot * job.chunkSize, length);
};

runMidstatePass(next, job, new AbortController().signal, {
  midstate: (index, state) => post({ type: "midstate", index, state }),
  progress: (bytesHashed) => post({ type: "progress", bytesHashed }),
}).then(
  (digests) => post({ type: "done", digests, hasher: midstateHasherKind() }),
  (error: unknown) => post(errorReply(error)),
);
post({ type: "ready" });
