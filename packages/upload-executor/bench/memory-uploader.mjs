// Child process of memory.bench.mjs: uploads a synthetic file to the KooDrive sandbox whose connection info is in
// argv[2], then prints its RSS before the upload and its peak RSS (bytes) as JSON. Usage: node memory-uploader.mjs '<job JSON>'
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { nodeTransport, uploadToKoodrive } from "../dist/node.js";

const BLOCK = 1024 * 1024;

/** 1 MiB of seeded xorshift bytes, repeated, each copy stamped with its index: deterministic per range, never stored. */
function syntheticSource(size, seed) {
  const block = new Uint8Array(BLOCK);
  for (let i = 0, x = seed; i < BLOCK; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = x & 0xff;
  }
  const stamp = new DataView(new ArrayBuffer(8));
  return {
    size,
    name: "synthetic.bin",
    type: undefined,
    fingerprint: async () => `synthetic:${size}:${seed}`,
    async read(start, end) {
      const out = new Uint8Array(end - start);
      await this.readInto(start, end, out);
      return out;
    },
    async readInto(start, end, out) {
      for (let pos = start; pos < end; ) {
        const index = Math.floor(pos / BLOCK);
        const within = pos - index * BLOCK;
        const count = Math.min(BLOCK - within, end - pos);
        out.set(block.subarray(within, within + count), pos - start);
        stamp.setBigUint64(0, BigInt(index), true);
        for (let i = within; i < Math.min(8, within + count); i++) out[pos - start + i - within] = stamp.getUint8(i);
        pos += count;
      }
    },
  };
}

const job = JSON.parse(process.argv[2]);
const client = createKoodriveClient({ baseUrl: job.baseUrl, userId: job.userId, auth: { type: "bearer", token: job.token } });
const before = process.memoryUsage().rss;
const result = await uploadToKoodrive({
  client,
  source: syntheticSource(job.size, 7),
  partSize: job.partSize,
  concurrency: job.concurrency,
  engine: { transport: nodeTransport },
});
console.log(JSON.stringify({ before, peak: process.resourceUsage().maxRSS * 1024, bytes: result.bytes, sha256: result.sha256 }));
