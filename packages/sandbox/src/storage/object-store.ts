import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { EntityTooLargeError, EntityTooSmallError, PathTraversalError } from "../errors.js";
import type { ObjectStore, SingleObject, StoredObject } from "../types.js";
import { DigestWorker } from "./digest-worker.js";

export interface FileObjectStore extends ObjectStore {
  /** Removes an object and its record; false when it did not exist. */
  delete(bucket: string, key: string): Promise<boolean>;
  /** Streams a stored object's bytes. */
  read(bucket: string, key: string): NodeJS.ReadableStream;
  /** Stops the store's digest worker. */
  close(): Promise<void>;
}

type PutInput = Parameters<ObjectStore["put"]>[0];

/** Objects live at {dataDir}/objects/{bucket}/{key}; temp and scratch files at {dataDir}/tmp. */
export function createObjectStore(dataDir: string, now: () => number): FileObjectStore {
  const objectsRoot = resolve(dataDir, "objects");
  const tmpRoot = resolve(dataDir, "tmp");
  const records = new Map<string, StoredObject>();
  const digests = new DigestWorker();
  const id = (bucket: string, key: string) => `${bucket}\0${key}`;

  function resolvePath(bucket: string, key: string): string {
    assertSafeName(bucket, "bucket", false);
    assertSafeName(key, "key", true);
    const target = resolve(objectsRoot, bucket, key);
    if (!target.startsWith(objectsRoot + sep + bucket + sep)) throw new PathTraversalError(`key "${key}"`);
    return target;
  }

  async function tempPath(): Promise<string> {
    await mkdir(tmpRoot, { recursive: true });
    return join(tmpRoot, randomBytes(12).toString("hex"));
  }

  /** Writes `body` to `path`, feeding every chunk to `onChunk`; enforces maxBytes as the bytes arrive. */
  async function writeBody(body: AsyncIterable<Uint8Array>, path: string, maxBytes: number, onChunk?: (c: Uint8Array) => void) {
    let size = 0;
    const out = createWriteStream(path);
    // Open the file before streaming, so a failure cannot race the open and leave the temp file behind.
    await once(out, "ready");
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Uint8Array>) {
          for await (const chunk of source) {
            size += chunk.byteLength;
            if (size > maxBytes) throw new EntityTooLargeError(maxBytes);
            onChunk?.(chunk);
            yield chunk;
          }
        },
        out,
      );
    } catch (error) {
      // Not once(out, "close"): that rejects on the stream's own error event and would skip the cleanup.
      if (!out.closed) await new Promise<void>((closed) => out.once("close", () => closed()));
      await rm(path, { force: true });
      throw error;
    }
    return size;
  }

  /** Moves `temps` into place as bucket/key (one file, or a folder of numbered parts) and records the object. */
  async function commit<T extends Pick<StoredObject, "size" | "sha256" | "sha1" | "md5">>(input: Omit<PutInput, "body">, temps: readonly string[], digest: T) {
    const path = resolvePath(input.bucket, input.key);
    const old = records.get(id(input.bucket, input.key));
    if (old) await removeFiles(old);
    // Parts go to a folder beside where the single file would be, with a random name no other key can take.
    const folder = `${path}.${randomBytes(6).toString("hex")}.parts`;
    const files = temps.length <= 1 ? [path] : temps.map((_, i) => join(folder, String(i + 1).padStart(6, "0")));
    await mkdir(dirname(files[0]!), { recursive: true });
    if (temps.length === 0) await writeFile(path, "");
    await Promise.all(temps.map((temp, i) => rename(temp, files[i]!)));
    const record = {
      vendor: input.vendor,
      bucket: input.bucket,
      key: input.key,
      files,
      contentType: input.contentType,
      storedAt: now(),
      ...digest,
    } satisfies StoredObject;
    records.set(id(input.bucket, input.key), record);
    return record;
  }

  async function removeFiles(record: StoredObject) {
    await Promise.all(record.files.map((file) => rm(file, { force: true })));
    if (record.files.length > 1) await rm(dirname(record.files[0]!), { recursive: true, force: true });
  }

  return {
    resolve: resolvePath,
    async put(input) {
      resolvePath(input.bucket, input.key);
      const temp = await tempPath();
      const hashes = { sha256: createHash("sha256"), sha1: createHash("sha1"), md5: createHash("md5") };
      const size = await writeBody(input.body, temp, input.maxBytes ?? Number.POSITIVE_INFINITY, (chunk) => {
        for (const hash of Object.values(hashes)) hash.update(chunk);
      });
      if (input.minBytes !== undefined && size < input.minBytes) {
        await rm(temp, { force: true });
        throw new EntityTooSmallError(input.minBytes, size);
      }
      const digest = { size, sha256: hashes.sha256.digest("hex"), sha1: hashes.sha1.digest("hex"), md5: hashes.md5.digest("hex") };
      return commit(input, [temp], digest) satisfies Promise<SingleObject>;
    },
    async putScratch(body, onChunk, maxBytes = Number.POSITIVE_INFINITY) {
      const path = await tempPath();
      const file = await open(path, "w");
      const md5 = digests.md5Stream(file.fd);
      let size = 0;
      try {
        for await (const chunk of body) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new EntityTooLargeError(maxBytes);
          onChunk?.(chunk);
          const busy = md5.update(chunk);
          if (busy) await busy;
        }
        const digest = await md5.digest();
        await file.close();
        return { path, size, md5: digest };
      } catch (error) {
        await md5.drop();
        await file.close().catch(() => undefined);
        await rm(path, { force: true });
        throw error;
      }
    },
    async assemble(input) {
      resolvePath(input.bucket, input.key);
      const sha256 = input.known.sha256 ?? (await digests.sha256OfFiles(input.parts));
      const size = (await Promise.all(input.parts.map((part) => stat(part)))).reduce((sum, s) => sum + s.size, 0);
      return commit(input, input.parts, { size, sha256, sha1: input.known.sha1, md5: undefined });
    },
    get: (bucket, key) => records.get(id(bucket, key)),
    list: () => [...records.values()],
    async delete(bucket, key) {
      const record = records.get(id(bucket, key));
      if (!record) return false;
      records.delete(id(bucket, key));
      await removeFiles(record);
      return true;
    },
    read(bucket, key) {
      const record = records.get(id(bucket, key));
      if (!record) throw new Error(`no object ${bucket}/${key} in the sandbox`);
      return readObject(record);
    },
    close: () => digests.close(),
  };
}

/** A stored object's bytes, streamed from its files in order. */
export function readObject(record: Pick<StoredObject, "files">): Readable {
  return Readable.from(concatenated(record.files));
}

async function* concatenated(files: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const file of files) yield* createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>;
}

/** Rejects names that could escape the data directory, also after one round of percent-decoding. */
function assertSafeName(name: string, what: string, allowSlash: boolean): void {
  const candidates = [name];
  try {
    const decoded = decodeURIComponent(name);
    if (decoded !== name) candidates.push(decoded);
  } catch {
    throw new PathTraversalError(`${what} "${name}"`);
  }
  for (const value of candidates) {
    const segments = value.split(/[/\\]/);
    const unsafe =
      value.length === 0 ||
      value.includes("\0") ||
      value.startsWith("/") ||
      value.startsWith("\\") ||
      /^[a-zA-Z]:/.test(value) ||
      (!allowSlash && segments.length > 1) ||
      segments.some((s) => s === ".." || s === ".") ||
      segments.slice(0, -1).some((s) => s === "");
    if (unsafe) throw new PathTraversalError(`${what} "${name}"`);
  }
}
