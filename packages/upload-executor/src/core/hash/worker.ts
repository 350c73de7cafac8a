// Web Worker entry (dist/hash-worker.js): hashes Blobs off the main thread for startMidstatePass.
import { serveMidstatePasses } from "./worker-host.js";
import type { MessageEndpoint, WorkerReply, WorkerRequest } from "./worker-protocol.js";

serveMidstatePasses(globalThis as unknown as MessageEndpoint<WorkerReply, WorkerRequest>);
