import { Worker } from "node:worker_threads";

/** Slots one stream may have in flight to the worker; the body waits while all of them are out. */
const SLOTS = 4;
const SLOT_BYTES = 1024 * 1024;

// Each stream has shared memory of SLOTS slots (sent with its first message): the worker hashes the slots it is told
// of, in order, and hands each back. Nothing is transferred, so no buffer is allocated per chunk or per slot. A
// message with \`files\` asks for the SHA-256 of those files, read in order into one reused buffer.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { closeSync, openSync, readSync } = require("node:fs");
const streams = new Map();
const buffer = Buffer.allocUnsafe(${SLOT_BYTES});
function sha256Of(files) {
  const hash = createHash("sha256");
  for (const file of files) {
    const fd = openSync(file, "r");
    try {
      for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }
  return hash.digest("hex");
}
parentPort.on("message", ({ id, memory, slot, length, end, files }) => {
  if (files) {
    try {
      parentPort.postMessage({ id, sha256: sha256Of(files) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error) });
    }
    return;
  }
  let stream = streams.get(id);
  if (!stream) streams.set(id, (stream = { hash: createHash("md5"), memory }));
  if (length > 0) {
    stream.hash.update(new Uint8Array(stream.memory, slot * ${SLOT_BYTES}, length));
    parentPort.postMessage({ id, slot });
  }
  if (end === "digest") parentPort.postMessage({ id, md5: stream.hash.digest("hex") });
  if (end) streams.delete(id);
});
`;

type Reply = { id: number; slot: number } | { id: number; md5: string } | { id: number; sha256: string } | { id: number; error: string };

/** One body's MD5, computed off the main thread from copies of its chunks. */
export interface Md5Stream {
  /** Copies `chunk` into a slot; a promise when every slot is in flight (await it before the next chunk). */
  update(chunk: Uint8Array): Promise<void> | undefined;
  /** Lower-case hex MD5 of every chunk given, once every slot is also written; the last call. */
  digest(): Promise<string>;
  /** Forgets the stream (its body failed), once no write is in flight. */
  drop(): Promise<void>;
}

/** Where a stream's filled slots also go, in order (the file the body is stored in); `at` is the slot's offset. */
export type SlotWriter = (bytes: Uint8Array, at: number) => Promise<unknown>;

interface StreamState {
  free: number[];
  /** Per slot in flight: how many of the worker and the writer still use it. */
  users: number[];
  onFree?: () => void;
  onDigest?: (md5: string) => void;
  onFail?: (error: unknown) => void;
  fail(error: unknown): void;
}

/**
 * MD5 for ETags is the costliest step of storing a body (OpenSSL MD5 runs at about half the speed of SHA-256 with
 * SHA extensions), so one worker thread per store computes it while the main thread verifies. The chunks are copied
 * once, into 1 MiB slots that the worker hashes and the writer stores: one write per MiB, not per socket read. The
 * same thread hashes assembled objects whose SHA-256 nobody sent (S3 multipart), without a buffer per read.
 */
export class DigestWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly streams = new Map<number, StreamState>();
  private readonly fileHashes = new Map<number, { resolve(sha256: string): void; reject(error: unknown): void }>();
  /** Shared memory of finished streams, for the next ones. */
  private readonly spare: SharedArrayBuffer[] = [];

  /** Lower-case hex SHA-256 of `files` read in order. */
  sha256OfFiles(files: readonly string[]): Promise<string> {
    const worker = this.running();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.fileHashes.set(id, { resolve, reject });
      worker.postMessage({ id, files });
    });
  }

  md5Stream(write?: SlotWriter): Md5Stream {
    const worker = this.running();
    const { streams, spare } = this;
    const id = this.nextId++;
    const memory = spare.pop() ?? new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    let slot: number | undefined;
    let filled = 0;
    let failure: unknown;
    let introduced = false;
    let written = 0;
    const writes = new Set<Promise<unknown>>();
    const state: StreamState = {
      free: Array.from({ length: SLOTS }, (_, i) => SLOTS - 1 - i),
      users: Array.from({ length: SLOTS }, () => 0),
      fail: (error) => {
        failure ??= error;
        state.onFree?.();
        state.onFail?.(error);
      },
    };
    this.streams.set(id, state);
    /** Hands the filled slot (if any) to the worker and the writer, with `end` when the stream is over. */
    const send = (end?: "digest" | "drop") => {
      if (slot !== undefined && filled === 0) state.free.push(slot);
      if (slot !== undefined && filled > 0) {
        const used = slot;
        state.users[used] = write ? 2 : 1;
        if (write) {
          const writing = write(new Uint8Array(memory, used * SLOT_BYTES, filled), written).then(
            () => release(state, used),
            (error: unknown) => state.fail(error),
          );
          writes.add(writing);
          void writing.finally(() => writes.delete(writing));
        }
        written += filled;
      }
      worker.postMessage({ id, memory: introduced ? undefined : memory, slot, length: filled, end });
      introduced = true;
      slot = undefined;
      filled = 0;
    };
    const settled = () => Promise.all(writes);
    const update = (chunk: Uint8Array): Promise<void> | undefined => {
      let at = 0;
      while (at < chunk.byteLength) {
        if (failure !== undefined) return Promise.reject(failure);
        slot ??= state.free.pop();
        if (slot === undefined) {
          const rest = chunk.subarray(at);
          return new Promise<void>((freed) => (state.onFree = freed)).then(() => {
            state.onFree = undefined;
            return update(rest);
          });
        }
        const n = Math.min(chunk.byteLength - at, SLOT_BYTES - filled);
        new Uint8Array(memory, slot * SLOT_BYTES + filled, n).set(chunk.subarray(at, at + n));
        filled += n;
        at += n;
        if (filled === SLOT_BYTES) send();
      }
      return undefined;
    };
    return {
      update,
      async digest() {
        send("digest");
        const md5 = await new Promise<string>((resolve, reject) => {
          if (failure !== undefined) reject(failure);
          state.onDigest = resolve;
          state.onFail = reject;
        });
        await settled();
        if (failure !== undefined) throw failure;
        spare.push(memory);
        return md5;
      },
      async drop() {
        streams.delete(id);
        send("drop");
        await settled();
      },
    };
  }

  /** Stops the worker (a later stream starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    // No inherited flags: under --input-type=module the CommonJS source above would be read as a module.
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    // Idle, it must not keep the process alive (the sandbox may be left to exit without stop()).
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const files = this.fileHashes.get(reply.id);
      if (files) {
        this.fileHashes.delete(reply.id);
        if ("sha256" in reply) files.resolve(reply.sha256);
        else files.reject(new Error(`the digest worker could not read the parts: ${"error" in reply ? reply.error : "no answer"}`));
        return;
      }
      const state = this.streams.get(reply.id);
      if (!state) return;
      if ("md5" in reply) {
        this.streams.delete(reply.id);
        state.onDigest?.(reply.md5);
      } else if ("slot" in reply) {
        release(state, reply.slot);
      }
    });
    const failAll = (error: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const state of this.streams.values()) state.fail(error);
      for (const files of this.fileHashes.values()) files.reject(error);
      this.streams.clear();
      this.fileHashes.clear();
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`the digest worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

/** One user of `slot` is done with it; the last one frees it. */
function release(state: StreamState, slot: number): void {
  state.users[slot]!--;
  if (state.users[slot] !== 0) return;
  state.free.push(slot);
  state.onFree?.();
}
