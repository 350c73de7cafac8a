import { MessageChannel, type MessagePort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { UploadAbortedError } from "../errors.js";
import { algorithms } from "../../../test/fixtures/midstates/vectors.js";
import { collectPass, vectorPass } from "../../../test/helpers/pass-sink.js";
import { runInWorker, type WorkerHandle } from "./worker-client.js";
import { serveMidstatePasses } from "./worker-host.js";
import type { MessageEndpoint, WorkerReply, WorkerRequest } from "./worker-protocol.js";

/**
 * Node has no Web Worker global, so both real halves of the protocol talk over a MessageChannel: every message
 * (the Blob included) is structured-cloned exactly as between a page and its worker.
 */
function channelWorker(): { spawn: () => WorkerHandle; ports: MessagePort[] } {
  const { port1, port2 } = new MessageChannel();
  serveMidstatePasses(port1 as unknown as MessageEndpoint<WorkerReply, WorkerRequest>);
  port1.start();
  const handle = Object.assign(port2, { terminate: () => port2.close() });
  return { spawn: () => (port2.start(), handle as unknown as WorkerHandle), ports: [port1, port2] };
}

describe("hash worker protocol", () => {
  const { vector, bytes, job } = vectorPass();

  it("hashes the Blob in the worker half and reports every state, progress and the digests", async () => {
    const { spawn, ports } = channelWorker();
    const { sink, states, progress } = collectPass();
    const digests = await runInWorker(new Blob([bytes]), job, new AbortController().signal, sink, spawn);
    expect(digests).toEqual({ sha1: vector.sha1.digest, sha256: vector.sha256.digest });
    for (const alg of algorithms) {
      expect(states.map((list) => list.find((state) => state.algorithm === alg)?.h)).toEqual(vector[alg].parts.map((part) => part.h));
    }
    expect(progress.at(-1)).toBe(bytes.byteLength);
    ports.forEach((port) => port.close());
  });

  it("rejects with UploadAbortedError when aborted mid-pass", async () => {
    const { spawn, ports } = channelWorker();
    const controller = new AbortController();
    const { sink } = collectPass();
    const running = runInWorker(new Blob([bytes]), job, controller.signal, { ...sink, progress: () => controller.abort() }, spawn);
    await expect(running).rejects.toBeInstanceOf(UploadAbortedError);
    ports.forEach((port) => port.close());
  });

  it("reports a worker-side failure as a typed error", async () => {
    const { spawn, ports } = channelWorker();
    const badJob = { ...job, size: job.size + 1000 }; // the Blob is shorter than the job says
    const running = runInWorker(new Blob([bytes]), badJob, new AbortController().signal, collectPass().sink, spawn);
    await expect(running).rejects.toMatchObject({ code: "source_changed" });
    ports.forEach((port) => port.close());
  });

  it("falls back (resolves undefined) when the worker cannot be created or fails to load", async () => {
    const signal = new AbortController().signal;
    const unconstructable = () => {
      throw new TypeError("Invalid URL");
    };
    expect(await runInWorker(new Blob([bytes]), job, signal, collectPass().sink, unconstructable)).toBeUndefined();

    // A worker whose script 404s: the browser fires "error" and never delivers a message.
    const target = new EventTarget();
    let terminated = false;
    const unloadable = {
      addEventListener: (type: string, listener: (event: never) => void) => target.addEventListener(type, listener as EventListener),
      postMessage: () => queueMicrotask(() => target.dispatchEvent(new Event("error"))),
      terminate: () => (terminated = true),
    } as unknown as WorkerHandle;
    expect(await runInWorker(new Blob([bytes]), job, signal, collectPass().sink, () => unloadable)).toBeUndefined();
    expect(terminated).toBe(true);

    const reasons: string[] = [];
    expect(await runInWorker(new Blob([bytes]), job, signal, { ...collectPass().sink, unavailable: (reason) => reasons.push(reason) }, unconstructable)).toBeUndefined();
    expect(reasons).toEqual(["TypeError: Invalid URL"]);
  });
});
