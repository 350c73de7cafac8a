import { Worker } from "node:worker_threads";

/** Slots one stream may have in flight to the worker; the body waits while all of them are out. */
const SLOTS = 4;
const SLOT_BYTES = 1024 * 1024;

// Each stream has shared memory of SLOTS slots and maybe a file descriptor (both sent with its first message): the
// worker writes each slot it is told of to the file, hashes it, and hands it back. Nothing is transferred, so no
// buffer is allocated per chunk or per slot. A message with \`files\` asks for the SHA-256 of those files, read in
// order into one reused buffer.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { closeSync, openSync, readSync, writeSync } = require("node:fs");
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
parentPort.on("message", ({ id, memory, fd, slot, length, end, files }) => {
  if (files) {
    try {
      parentPort.postMessage({ id, sha256: sha256Of(files) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error) });
    }
    return;
  }
  let stream = streams.get(id);
  if (!stream) streams.set(id, (stream = { hash: createHash("md5"), memory, fd, written: 0, error: undefined }));
  if (length > 0 && stream.error === undefined) {
    const bytes = new Uint8Array(stream.memory, slot * ${SLOT_BYTES}, length);
    try {
      for (let done = 0; stream.fd !== undefined && done < length; ) done += writeSync(stream.fd, bytes, done, length - done, stream.written + done);
      stream.written += length;
      stream.hash.update(bytes);
    } catch (error) {
      stream.error = String(error);
      parentPort.postMessage({ id, error: stream.error });
    }
  }
  if (length > 0) parentPort.postMessage({ id, slot });
  if (end === "digest" && stream.error === undefined) parentPort.postMessage({ id, md5: stream.hash.digest("hex") });
  if (end === "drop") parentPort.postMessage({ id, dropped: true });
  if (end) streams.delete(id);
});
`;

type Reply = { id: number; slot: number } | { id: number; md5: string } | { id: number; sha256: string } | { id: number; error: string } | { id: number; dropped: true };

/** One body's MD5 (and maybe its file), computed and written off the main thread from copies of its chunks. */
export interface Md5Stream {
  /** Copies `chunk` into a slot; a promise when every slot is in flight (await it before the next chunk). */
  update(chunk: Uint8Array): Promise<void> | undefined;
  /** Lower-case hex MD5 of every chunk given, once every slot is also written; the last call. */
  digest(): Promise<string>;
  /** Forgets the stream (its body failed); resolves once the worker no longer writes to its file. */
  drop(): Promise<void>;
}

interface StreamState {
  free: number[];
  onFree?: () => void;
  onDigest?: (md5: string) => void;
  onFail?: (error: unknown) => void;
  onDropped?: () => void;
  fail(error: unknown): void;
}

/**
 * MD5 for ETags is the costliest step of storing a body (OpenSSL MD5 runs at about half the speed of SHA-256 with
 * SHA extensions), so one worker thread per store computes it while the main thread verifies. The chunks are copied
 * once, into 1 MiB slots that the worker writes to the body's file and hashes: one write per MiB, and the kernel's
 * copy into the page cache (done inline by libuv's io_uring writes) leaves the main thread too. The same thread
 * hashes assembled objects whose SHA-256 nobody sent (S3 multipart), without a buffer per read.
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

  /** A stream whose bytes are also written to `fd` (an open file, from offset 0), when given. */
  md5Stream(fd?: number): Md5Stream {
    const worker = this.running();
    const { streams, spare } = this;
    const id = this.nextId++;
    const memory = spare.pop() ?? new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    let slot: number | undefined;
    let filled = 0;
    let failure: unknown;
    let introduced = false;
    const state: StreamState = {
      free: Array.from({ length: SLOTS }, (_, i) => SLOTS - 1 - i),
      fail: (error) => {
        failure ??= error;
        state.onFree?.();
        state.onFail?.(error);
        state.onDropped?.();
      },
    };
    this.streams.set(id, state);
    /** Hands the filled slot (if any) to the worker, with `end` when the stream is over. */
    const send = (end?: "digest" | "drop") => {
      if (slot !== undefined && filled === 0) state.free.push(slot);
      worker.postMessage(introduced ? { id, slot, length: filled, end } : { id, memory, fd, slot, length: filled, end });
      introduced = true;
      slot = undefined;
      filled = 0;
    };
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
        spare.push(memory);
        return md5;
      },
      drop: () =>
        new Promise<void>((dropped) => {
          if (!streams.has(id)) return dropped();
          state.onDropped = () => {
            streams.delete(id);
            dropped();
          };
          send("drop");
        }),
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
        state.free.push(reply.slot);
        state.onFree?.();
      } else if ("error" in reply) {
        state.fail(new Error(`the digest worker could not write the body: ${reply.error}`));
      } else {
        state.onDropped?.();
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
