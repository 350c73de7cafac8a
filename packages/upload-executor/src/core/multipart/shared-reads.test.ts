import { createHash } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { layoutParts } from "../part-layout.js";
import { SourceChangedError, type UploadSource } from "../source.js";
import { StorageServer } from "../../../test/helpers/storage-server.js";
import { testBytes } from "../../../test/helpers/test-bytes.js";
import { createNodeTransport } from "../transport/node.js";
import { uploadMultipart } from "./engine.js";

const MiB = 1024 * 1024;

let server: StorageServer;
beforeEach(async () => void (server = await new StorageServer().start()));
afterEach(() => server.close());

/** In-memory bytes behind read and readInto, counting the bytes read and the buffers read into. */
function countingSource(bytes: Uint8Array, fingerprint = async () => "counted") {
  const seen = { bytes: 0, buffers: new Set<ArrayBufferLike>() };
  const source: UploadSource = {
    size: bytes.byteLength,
    name: "counted.bin",
    type: undefined,
    fingerprint,
    async read(start, end) {
      seen.bytes += end - start;
      return bytes.slice(start, end);
    },
    async readInto(start, end, target) {
      seen.bytes += end - start;
      seen.buffers.add(target.buffer);
      target.set(bytes.subarray(start, end));
    },
  };
  return { source, seen };
}

function upload(source: UploadSource, partSize: number, concurrency: number) {
  const { parts } = layoutParts(source.size, { minPartSize: partSize, maxPartSize: partSize, maxParts: 1000, align: 64, preferredPartSize: partSize });
  return uploadMultipart(
    source,
    {
      kind: "multipart",
      parts,
      midstates: { algorithms: ["sha256"] },
      getPartTargets: async (batch) => batch.map((part) => ({ partNumber: part.number, url: `${server.url}/sr/${part.number}` })),
    },
    { transport: createNodeTransport(), concurrency },
  );
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The SHA-256 of the parts the storage holds, in order (a deep equality of MiBs would be slow). */
function storedSha256(count: number): string {
  return sha256(Buffer.concat(Array.from({ length: count }, (_, i) => server.objects.get(`/sr/${i + 1}`)!)));
}

it("reads each byte once for both the hash and the parts, into a pool of a few reused buffers", async () => {
  const bytes = testBytes(12 * MiB + 4321, 5);
  const { source, seen } = countingSource(bytes);
  const result = await upload(source, 1.5 * MiB, 3);

  expect(result.parts).toHaveLength(9);
  expect(storedSha256(9)).toBe(sha256(bytes));
  expect(result.digests.sha256).toBe(sha256(bytes));
  // The first part may start before the pass's first read; every other byte is read once.
  expect(seen.bytes).toBeLessThanOrEqual(bytes.byteLength + MiB);
  // concurrency + 2 buffers: one chunk per part in flight, the one being read, the one being hashed.
  expect(seen.buffers.size).toBeLessThanOrEqual(5);
});

it("re-reads a part whose upload broke off and sends the same bytes again", async () => {
  const bytes = testBytes(6 * MiB, 9);
  const { source } = countingSource(bytes);
  server.arm("/sr/2", { kind: "reset", afterBytes: MiB + 100 });
  const result = await upload(source, 2 * MiB, 2);

  expect(server.requests.get("/sr/2")).toBe(2);
  expect(storedSha256(3)).toBe(sha256(bytes));
  expect(result.digests.sha256).toBe(sha256(bytes));
});

it("checks the source's fingerprint before it re-reads a part for a retry", async () => {
  const bytes = testBytes(4 * MiB, 3);
  // The file "changes" once the first try of part 2 has reached the storage.
  const { source } = countingSource(bytes, async () => (server.requests.has("/sr/2") ? "edited" : "counted"));
  server.arm("/sr/2", { kind: "reset", afterBytes: 100 });

  const failure = await upload(source, 2 * MiB, 1).catch((error: unknown) => error);
  expect(SourceChangedError.is(failure)).toBe(true);
  expect(server.requests.get("/sr/2")).toBe(1);
});
