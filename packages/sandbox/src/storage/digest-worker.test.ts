import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { DigestWorker } from "./digest-worker.js";

const digests = new DigestWorker();
afterEach(() => digests.close());

/** Feeds `data` in chunks of `size`, awaiting the stream when all its slots are in flight. */
async function feed(data: Uint8Array, size: number): Promise<string> {
  const stream = digests.md5Stream();
  for (let at = 0; at < data.byteLength; at += size) await stream.update(data.subarray(at, at + size));
  return stream.digest();
}

it("gives node:crypto's MD5 for bodies larger than its buffers, fed in odd chunks, several at once", async () => {
  const bodies = [randomBytes(9 * 1024 * 1024 + 13), randomBytes(5 * 1024 * 1024), randomBytes(1000), new Uint8Array(0)];
  const digests = await Promise.all(bodies.map((body, i) => feed(body, [65_521, 1_048_576 * 3, 7, 1][i]!)));
  expect(digests).toEqual(bodies.map((body) => createHash("md5").update(body).digest("hex")));
});

it("keeps hashing other streams after one is dropped, and after close starts a new worker", async () => {
  const dropped = digests.md5Stream();
  await dropped.update(randomBytes(2 * 1024 * 1024));
  await dropped.drop();
  const body = randomBytes(3 * 1024 * 1024 + 1);
  expect(await feed(body, 100_000)).toBe(createHash("md5").update(body).digest("hex"));
  await digests.close();
  expect(await feed(body, 1 << 20)).toBe(createHash("md5").update(body).digest("hex"));
});

it("gives the SHA-256 of files read in order, and fails for a missing one", async () => {
  const dir = await mkdtemp(join(tmpdir(), "digest-worker-"));
  try {
    const parts = [randomBytes(3 * 1024 * 1024 + 5), new Uint8Array(0), randomBytes(777)];
    const files = await Promise.all(
      parts.map(async (bytes, i) => {
        const file = join(dir, String(i));
        await writeFile(file, bytes);
        return file;
      }),
    );
    expect(await digests.sha256OfFiles(files)).toBe(createHash("sha256").update(Buffer.concat(parts)).digest("hex"));
    await expect(digests.sha256OfFiles([join(dir, "missing")])).rejects.toThrow(/could not read the parts/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("writes the stream to its file as it hashes, and fails the stream when the file cannot be written", async () => {
  const dir = await mkdtemp(join(tmpdir(), "digest-worker-"));
  try {
    const body = randomBytes(2 * 1024 * 1024 + 99);
    const file = await open(join(dir, "body"), "w");
    const stream = digests.md5Stream(file.fd);
    for (let at = 0; at < body.byteLength; at += 65_536) await stream.update(body.subarray(at, at + 65_536));
    expect(await stream.digest()).toBe(createHash("md5").update(body).digest("hex"));
    await file.close();
    expect(await readFile(join(dir, "body"))).toEqual(body);
    const readOnly = await open(join(dir, "body"), "r");
    const refused = digests.md5Stream(readOnly.fd);
    await refused.update(body);
    await expect(refused.digest()).rejects.toThrow(/could not write the body/);
    await refused.drop();
    await readOnly.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
