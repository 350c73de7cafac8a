import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EntityTooLargeError, EntityTooSmallError, PathTraversalError } from "../errors.js";
import { createObjectStore, type FileObjectStore } from "./object-store.js";

let dir: string;
let store: FileObjectStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sandbox-store-"));
  store = createObjectStore(dir, () => 1_700_000_000_000);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function* chunks(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

describe("object store", () => {
  it("streams, hashes and records an object", async () => {
    const object = await store.put({ vendor: "hbr", bucket: "b", key: "a/b c.txt", body: chunks("hello ", "world"), contentType: "text/plain" });
    const digest = (algorithm: string) => createHash(algorithm).update("hello world").digest("hex");
    expect(object).toMatchObject({ size: 11, sha256: digest("sha256"), sha1: digest("sha1"), md5: digest("md5"), contentType: "text/plain", storedAt: 1_700_000_000_000 });
    expect(object.files).toHaveLength(1);
    expect(await readFile(object.files[0]!, "utf8")).toBe("hello world");
    expect(store.get("b", "a/b c.txt")).toEqual(object);
    expect(await store.delete("b", "a/b c.txt")).toBe(true);
    expect(store.list()).toEqual([]);
  });

  it.each(["../x", "a/../../x", "/etc/passwd", "a\0b", "%2e%2e/x", "a/%2E%2E/%2e%2e/x", "..%2fx", "C:\\x", "a//b", "./a", "%zz"])("rejects the key %j", async (key) => {
    expect(() => store.resolve("b", key)).toThrow(PathTraversalError);
    await expect(store.put({ vendor: "hbr", bucket: "b", key, body: chunks("x") })).rejects.toThrow(PathTraversalError);
  });

  it("rejects unsafe bucket names", () => {
    for (const bucket of ["..", "a/b", "", "%2e%2e"]) expect(() => store.resolve(bucket, "k")).toThrow(PathTraversalError);
  });

  it("enforces max and min sizes and leaves no temp files", async () => {
    await expect(store.put({ vendor: "hbr", bucket: "b", key: "big", body: chunks("12345", "678"), maxBytes: 6 })).rejects.toThrow(EntityTooLargeError);
    await expect(store.put({ vendor: "hbr", bucket: "b", key: "small", body: chunks("1"), minBytes: 2 })).rejects.toThrow(EntityTooSmallError);
    expect(store.list()).toEqual([]);
    expect(await readdir(join(dir, "tmp"))).toEqual([]);
  });

  it("assembles scratch parts in order", async () => {
    const seen: number[] = [];
    const a = await store.putScratch(chunks("ab", "c"), (c) => seen.push(c.byteLength));
    const b = await store.putScratch(chunks("def"));
    expect([a.size, seen]).toEqual([3, [2, 1]]);
    const object = await store.assemble({ vendor: "pds", bucket: "p", key: "joined", parts: [a.path, b.path], known: {} });
    expect([object.size, object.sha256, object.md5]).toEqual([6, createHash("sha256").update("abcdef").digest("hex"), undefined]);
    expect(await text(store.read("p", "joined"))).toBe("abcdef");
    expect(await readdir(join(dir, "tmp"))).toEqual([]);
  });

  it("takes the digests a verified part chain already gave instead of hashing the parts again", async () => {
    const parts = [await store.putScratch(chunks("x".repeat(64))), await store.putScratch(chunks("yz"))];
    const chained = { sha1: "c".repeat(40), sha256: "d".repeat(64) };
    const object = await store.assemble({ vendor: "pds", bucket: "p", key: "chained", parts: parts.map((p) => p.path), known: chained });
    expect([object.size, object.sha1, object.sha256]).toEqual([66, chained.sha1, chained.sha256]);
    expect(await text(store.read("p", "chained"))).toBe(`${"x".repeat(64)}yz`);
    expect(await readdir(join(dir, "tmp"))).toEqual([]);
    expect(await store.delete("p", "chained")).toBe(true);
    expect(await readdir(join(dir, "objects", "p"))).toEqual([]);
  });
});
