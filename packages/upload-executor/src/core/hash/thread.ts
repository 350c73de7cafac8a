// Node worker-thread entry (dist/hash-thread.js): runs one hashing pass on the bytes the main thread sends.
import { parentPort, workerData } from "node:worker_threads";
import { midstateHasherKind } from "./hasher.js";
import { registerNodeHashing } from "./node-hashing.js";
import { runMidstatePass } from "./pass-loop.js";
import type { PassJob } from "./pass-job.js";
import type { ThreadReply, ThreadRequest } from "./thread-protocol.js";
import { errorReply } from "./worker-host.js";

// dist/hash-thread.js sits beside dist/node.js, one folder below the package root.
registerNodeHashing(new URL("../native/prebuilds/", import.meta.url));

const port = parentPort!;
const post = (reply: ThreadReply) => port.postMessage(reply);
const chunks: Uint8Array[] = [];
let waiting: ((bytes: Uint8Array) => void) | undefined;
port.on("message", ({ bytes }: ThreadRequest) => {
  if (waiting) waiting(bytes);
  else chunks.push(bytes);
  waiting = undefined;
});
const next = async () => chunks.shift() ?? new Promise<Uint8Array>((resolve) => (waiting = resolve));

runMidstatePass(next, workerData as PassJob, new AbortController().signal, {
  midstate: (index, state) => post({ type: "midstate", index, state }),
  progress: (bytesHashed) => post({ type: "progress", bytesHashed }),
}).then(
  (digests) => post({ type: "done", digests, hasher: midstateHasherKind() }),
  (error: unknown) => post(errorReply(error)),
);
post({ type: "ready" });
