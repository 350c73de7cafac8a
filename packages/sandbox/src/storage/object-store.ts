import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { dirname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { EntityTooLargeError, EntityTooSmallError, PathTraversalError } from "../errors.js";
import type { ObjectStore, StoredObject } from "../types.js";

export interface FileObjectStore extends ObjectStore {
  /** Removes an object and its record; false when it did not exist. */
  delete(bucket: string, key: string): Promise<boolean>;
  /** Streams a stored object's bytes. */
  read(bucket: string, key: string): NodeJS.ReadableStream;
}

type PutInput = Parameters<ObjectStore["put"]>[0];

/** Objects live at {dataDir}/objects/{bucket}/{key}; temp and scratch files at {dataDir}/tmp. */
export function createObjectStore(dataDir: string, now: () => number): FileObjectStore {
  const objectsRoot = resolve(dataDir, "objects");
  const tmpRoot = resolve(dataDir, "tmp");
  const records = new Map<string, StoredObject>();
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

  /** Writes `body` to `path` while hashing; enforces maxBytes as the bytes arrive. */
  async function writeHashed(body: AsyncIterable<Uint8Array>, path: string, maxBytes: number, onChunk?: (c: Uint8Array) => void) {
    const hashes = { sha256: createHash("sha256"), sha1: createHash("sha1"), md5: createHash("md5") };
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
            hashes.sha256.update(chunk);
            hashes.sha1.update(chunk);
            hashes.md5.update(chunk);
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
    return { size, sha256: hashes.sha256.digest("hex"), sha1: hashes.sha1.digest("hex"), md5: hashes.md5.digest("hex") };
  }

  async function commit(input: Omit<PutInput, "body">, temp: string, digest: Awaited<ReturnType<typeof writeHashed>>) {
    const path = resolvePath(input.bucket, input.key);
    await mkdir(dirname(path), { recursive: true });
    await rename(temp, path);
    const record: StoredObject = {
      vendor: input.vendor,
      bucket: input.bucket,
      key: input.key,
      path,
      contentType: input.contentType,
      storedAt: now(),
      ...digest,
    };
    records.set(id(input.bucket, input.key), record);
    return record;
  }

  return {
    resolve: resolvePath,
    async put(input) {
      resolvePath(input.bucket, input.key);
      const temp = await tempPath();
      const digest = await writeHashed(input.body, temp, input.maxBytes ?? Number.POSITIVE_INFINITY);
      if (input.minBytes !== undefined && digest.size < input.minBytes) {
        await rm(temp, { force: true });
        throw new EntityTooSmallError(input.minBytes, digest.size);
      }
      return commit(input, temp, digest);
    },
    async putScratch(body, onChunk, maxBytes) {
      const path = await tempPath();
      const { size } = await writeHashed(body, path, maxBytes ?? Number.POSITIVE_INFINITY, onChunk);
      return { path, size };
    },
    async assemble(input) {
      resolvePath(input.bucket, input.key);
      const temp = await tempPath();
      async function* concatenated() {
        for (const part of input.parts) yield* createReadStream(part) as AsyncIterable<Uint8Array>;
      }
      const digest = await writeHashed(concatenated(), temp, Number.POSITIVE_INFINITY);
      const record = await commit(input, temp, digest);
      await Promise.all(input.parts.map((part) => rm(part, { force: true })));
      return record;
    },
    get: (bucket, key) => records.get(id(bucket, key)),
    list: () => [...records.values()],
    async delete(bucket, key) {
      const record = records.get(id(bucket, key));
      if (!record) return false;
      records.delete(id(bucket, key));
      await rm(record.path, { force: true });
      return true;
    },
    read(bucket, key) {
      const record = records.get(id(bucket, key));
      if (!record) throw new Error(`no object ${bucket}/${key} in the sandbox`);
      return createReadStream(record.path);
    },
  };
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

