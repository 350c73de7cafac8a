// Test-only helpers of the browser flow tests: deterministic Files with their Web Crypto digests, and the objects
// the sandbox stored (read through a Node command: its admin endpoint sends no CORS headers).
import { expect, inject } from "vitest";
import { commands } from "vitest/browser";
import { fromBlob, type UploadSource } from "../../src/core/source.js";
import { createXhrTransport } from "../../src/core/transport/xhr.js";
import type { BrowserSandbox } from "./browser-sandbox.setup.js";

/** The sandbox the global setup started in Node. */
export const sandbox: BrowserSandbox = inject("sandbox");

/** Engine options of every browser flow test: the XHR transport. */
export const xhrEngine = { transport: createXhrTransport() };

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");

/** A File of `size` deterministic bytes and its SHA-256 and SHA-1. */
export async function testFile(size: number, name: string, type = "application/octet-stream") {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = ((i * 167 + 11) ^ (i >> 9)) & 0xff;
  const [sha256, sha1] = await Promise.all([crypto.subtle.digest("SHA-256", bytes), crypto.subtle.digest("SHA-1", bytes)]);
  return { file: new File([bytes], name, { type }), sha256: hex(sha256), sha1: hex(sha1) };
}

/**
 * The File as a source that records reads made on this thread: the XHR transport sends Blob slices and the hashing
 * worker reads the Blob itself, so a read here means the midstate pass fell back to the main thread.
 */
export function blobOnlySource(file: File) {
  const inner = fromBlob(file);
  const mainThreadReads: Array<[number, number]> = [];
  const source: UploadSource = { ...inner, read: (start, end) => (mainThreadReads.push([start, end]), inner.read(start, end)) };
  return { source, mainThreadReads };
}

export async function storedObject(bucket: string, key: string) {
  return (await commands.sandboxObjects(sandbox.url)).find((o) => o.bucket === bucket && o.key === key);
}

/** The one object of `size` bytes the sandbox stored during `upload` (other browser test files may upload meanwhile). */
export async function storedDuring<T>(size: number, upload: () => Promise<T>) {
  const keyOf = (o: { bucket: string; key: string }) => `${o.bucket}/${o.key}`;
  const before = new Set((await commands.sandboxObjects(sandbox.url)).map(keyOf));
  const result = await upload();
  const added = (await commands.sandboxObjects(sandbox.url)).filter((o) => !before.has(keyOf(o)) && o.size === size);
  expect(added).toHaveLength(1);
  return { result, stored: added[0]! };
}
