import { createHash, randomBytes } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { Md5Worker } from "./md5-worker.js";

const md5s = new Md5Worker();
afterEach(() => md5s.close());

/** Feeds `data` in chunks of `size`, awaiting the stream when all its buffers are in flight. */
async function feed(data: Uint8Array, size: number): Promise<string> {
  const stream = md5s.start();
  for (let at = 0; at < data.byteLength; at += size) await stream.update(data.subarray(at, at + size));
  return stream.digest();
}

it("gives node:crypto's MD5 for bodies larger than its buffers, fed in odd chunks, several at once", async () => {
  const bodies = [randomBytes(9 * 1024 * 1024 + 13), randomBytes(5 * 1024 * 1024), randomBytes(1000), new Uint8Array(0)];
  const digests = await Promise.all(bodies.map((body, i) => feed(body, [65_521, 1_048_576 * 3, 7, 1][i]!)));
  expect(digests).toEqual(bodies.map((body) => createHash("md5").update(body).digest("hex")));
});

it("keeps hashing other streams after one is dropped, and after close starts a new worker", async () => {
  const dropped = md5s.start();
  await dropped.update(randomBytes(2 * 1024 * 1024));
  dropped.drop();
  const body = randomBytes(3 * 1024 * 1024 + 1);
  expect(await feed(body, 100_000)).toBe(createHash("md5").update(body).digest("hex"));
  await md5s.close();
  expect(await feed(body, 1 << 20)).toBe(createHash("md5").update(body).digest("hex"));
});
