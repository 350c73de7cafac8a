import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { createPdsClient } from "@direct-upload/pds-client";
import { describe, expect, inject, it } from "vitest";
import { commands } from "vitest/browser";
import { fromBlob, type UploadSource } from "../core/source.js";
import { progressLog } from "../../test/helpers/progress-log.js";
import { createXhrTransport } from "../core/transport/xhr.js";
import type { BrowserSandbox } from "./testing/browser-sandbox.setup.js";
import { uploadToKoodrive } from "./koodrive.js";
import { uploadToPds } from "./pds.js";

const sandbox: BrowserSandbox = inject("sandbox");
const engine = { transport: createXhrTransport() };
const MiB = 1024 * 1024;

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");

/** A File of `size` deterministic bytes and its digests from Web Crypto. */
async function testFile(size: number, name: string) {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = ((i * 167 + 11) ^ (i >> 9)) & 0xff;
  const [sha256, sha1] = await Promise.all([crypto.subtle.digest("SHA-256", bytes), crypto.subtle.digest("SHA-1", bytes)]);
  return { file: new File([bytes], name, { type: "application/octet-stream" }), sha256: hex(sha256), sha1: hex(sha1) };
}

/**
 * The File as a source that records reads made on this thread: the XHR transport sends Blob slices and the hashing
 * worker reads the Blob itself, so a read here means the midstate pass fell back to the main thread.
 */
function blobOnlySource(file: File) {
  const inner = fromBlob(file);
  const mainThreadReads: Array<[number, number]> = [];
  const source: UploadSource = { ...inner, read: (start, end) => (mainThreadReads.push([start, end]), inner.read(start, end)) };
  return { source, mainThreadReads };
}

/** The one object of `size` bytes the sandbox stored during `upload` (other browser test files may upload meanwhile). */
async function storedDuring<T>(size: number, upload: () => Promise<T>) {
  const keyOf = (o: { bucket: string; key: string }) => `${o.bucket}/${o.key}`;
  const before = new Set((await commands.sandboxObjects(sandbox.url)).map(keyOf));
  const result = await upload();
  const added = (await commands.sandboxObjects(sandbox.url)).filter((o) => !before.has(keyOf(o)) && o.size === size);
  expect(added).toHaveLength(1);
  return { result, stored: added[0]! };
}

describe("multipart flows with midstates in Chromium with the XHR transport", { timeout: 60_000 }, () => {
  it("uploads a File to KooDrive in 5 MiB parts chained by SHA-256 states", async () => {
    const kd = sandbox.vendors["koodrive"]!;
    const client = createKoodriveClient({ baseUrl: kd["baseUrl"]!, userId: kd["userId"]!, auth: { type: "bearer", token: kd["token"]! } });
    const size = 12 * MiB + 4321; // parts of 5 MiB, 5 MiB and a tail that is no multiple of 64
    const { file, sha256 } = await testFile(size, "clip.bin");
    const { source, mainThreadReads } = blobOnlySource(file);
    const log = progressLog();

    const { result, stored } = await storedDuring(size, () => uploadToKoodrive({ client, source, partSize: 5 * MiB, concurrency: 2, onProgress: log.onProgress, engine }));
    expect(result).toMatchObject({ vendor: "koodrive", name: "clip.bin", bytes: size, sha256, vendorDigest: { algorithm: "sha256", hex: sha256 } });
    expect(stored.sha256).toBe(sha256);
    expect(mainThreadReads).toEqual([]);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });

  it("uploads a File to PDS in 1 MiB parts chained by SHA-1 contexts", async () => {
    const pds = sandbox.vendors["pds"]!;
    const client = createPdsClient({ baseUrl: pds["baseUrl"]!, token: pds["token"]! });
    const size = 3 * MiB + 777;
    const { file, sha256, sha1 } = await testFile(size, "notes.bin");
    const { source, mainThreadReads } = blobOnlySource(file);
    const log = progressLog();

    const { result, stored } = await storedDuring(size, () =>
      uploadToPds({ client, source, driveId: pds["driveId"]!, partSize: MiB, concurrency: 2, onProgress: log.onProgress, engine }),
    );
    expect(result).toMatchObject({ vendor: "pds", name: "notes.bin", bytes: size, sha256, vendorDigest: { algorithm: "sha1", hex: sha1 } });
    expect(stored.sha256).toBe(sha256);
    expect(mainThreadReads).toEqual([]);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });
});
