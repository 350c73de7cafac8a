import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createConcurrencyLimit } from "../concurrency.js";
import { CheckpointMismatchError, UploadAbortedError } from "../errors.js";
import { layoutParts } from "../part-layout.js";
import type { MultipartPlan, PartRequest } from "../plan.js";
import { SourceChangedError, fromUint8Array } from "../source.js";
import { StorageError } from "../storage-error.js";
import { instantClock } from "../../../test/helpers/instant-clock.js";
import { progressLog } from "../../../test/helpers/progress-log.js";
import { recordingMidstates } from "../../../test/helpers/recording-midstates.js";
import { StorageServer } from "../../../test/helpers/storage-server.js";
import { testBytes } from "../../../test/helpers/test-bytes.js";
import { createNodeTransport } from "../transport/node.js";
import type { MultipartCheckpoint } from "./checkpoint.js";
import { uploadMultipart } from "./engine.js";

const transport = createNodeTransport({ chunkSize: 32 * 1024 });
const KiB = 1024;
let server: StorageServer;
beforeEach(async () => void (server = await new StorageServer().start()));
afterEach(() => server.close());

/** A vendor-like plan: signed part URLs carry a signature counter and the part's SHA-256 midstate. */
function vendorPlan(bytes: Uint8Array, partSize: number, prefix = "/up") {
  const { parts } = layoutParts(bytes.byteLength, { minPartSize: partSize, maxPartSize: 1024 * 1024 * 1024, maxParts: 10_000, align: 64 });
  const midstates = recordingMidstates();
  const calls: Array<{ parts: PartRequest[]; renewing: boolean }> = [];
  let signature = 0;
  const plan: MultipartPlan<{ uploadId: string }> = {
    kind: "multipart",
    parts,
    vendor: { uploadId: "u-1" },
    midstates: { algorithms: ["sha256"], provider: midstates.provider },
    async getPartTargets(batch, { renewing }) {
      calls.push({ parts: batch, renewing });
      return batch.map((p) => ({
        partNumber: p.number,
        url: `${server.url}${prefix}/${p.number}?sig=${++signature}&ctx=${p.midstates.sha256!.h.join(".")}`,
        headers: { "content-type": "" },
      }));
    },
  };
  return { plan, parts, calls, midstates };
}

const md5 = (bytes: Uint8Array) => `"${createHash("md5").update(bytes).digest("hex")}"`;

function expectStored(bytes: Uint8Array, parts: Array<{ number: number; offset: number; size: number }>, prefix = "/up") {
  for (const part of parts) {
    expect(Buffer.compare(server.objects.get(`${prefix}/${part.number}`)!, bytes.subarray(part.offset, part.offset + part.size))).toBe(0);
  }
}

describe("uploadMultipart", () => {
  it("uploads every part byte-exact, signs lazily in small batches and checkpoints after each part", async () => {
    const bytes = testBytes(5 * 64 * KiB + 100);
    const { plan, parts, calls } = vendorPlan(bytes, 64 * KiB);
    const checkpoints: MultipartCheckpoint[] = [];
    const log = progressLog();
    const result = await uploadMultipart(fromUint8Array(bytes, "f.bin"), plan, {
      transport,
      concurrency: 2,
      onProgress: log.onProgress,
      onCheckpoint: (c) => void checkpoints.push(c),
    });
    expect(parts).toHaveLength(6);
    expectStored(bytes, parts);
    expect(result.parts.map((p) => [p.number, p.etag])).toEqual(parts.map((p) => [p.number, md5(bytes.subarray(p.offset, p.offset + p.size))]));
    expect(result.digests.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    // Never more URLs per call than the concurrency, and never all up front.
    expect(calls.every((c) => c.parts.length <= 2 && !c.renewing)).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    // Each part got its own boundary's midstate.
    expect(server.seen.filter((u) => u.startsWith("/up/3?")).every((u) => u.endsWith(`ctx=${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => 2 * 64 * KiB + i).join(".")}`))).toBe(true);
    // A checkpoint before any part, one per part, one with the digests; each is plain JSON.
    expect(checkpoints).toHaveLength(8);
    expect(checkpoints[0]).toMatchObject({ version: 1, kind: "multipart", size: bytes.byteLength, done: [], vendor: { uploadId: "u-1" } });
    expect(checkpoints.slice(1, 7).map((c) => c.done.length)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkpoints[7]!.digests?.sha256).toBe(result.digests.sha256);
    for (const c of checkpoints) expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  });

  it("narrows a shared limit on 429 and 503 answers, not on a reset, and still stores every byte", async () => {
    const bytes = testBytes(6 * 256 * KiB, 9);
    const { plan, parts } = vendorPlan(bytes, 256 * KiB);
    server.arm("/up/1", { kind: "fail", times: 1, status: 429 });
    server.arm("/up/2", { kind: "fail", times: 1, status: 503, code: "SlowDown", message: "Reduce your request rate" });
    server.arm("/up/3", { kind: "reset", afterBytes: 100 * KiB });
    const limit = createConcurrencyLimit(4);
    const throttled = vi.spyOn(limit, "throttled");
    await uploadMultipart(fromUint8Array(bytes, "t"), plan, { transport, clock: instantClock(), concurrency: limit });
    expectStored(bytes, parts);
    expect(throttled).toHaveBeenCalledTimes(2);
  });

  it("recovers from a reset, a 503 and a 429 on different parts with monotonic progress", async () => {
    const bytes = testBytes(4 * 256 * KiB + 3, 2);
    const { plan, parts } = vendorPlan(bytes, 256 * KiB);
    server.arm("/up/1", { kind: "reset", afterBytes: 100 * KiB });
    server.arm("/up/2", { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable", message: "busy" });
    server.arm("/up/3", { kind: "fail", times: 1, status: 429, retryAfterSeconds: 1 }, { kind: "reset", afterBytes: 200 * KiB });
    const log = progressLog();
    const clock = instantClock();
    const result = await uploadMultipart(fromUint8Array(bytes, "f"), plan, { transport, clock, concurrency: 3, onProgress: log.onProgress });
    expectStored(bytes, parts);
    expect(result.parts).toHaveLength(5);
    expect([1, 2, 3, 4, 5].map((n) => server.requests.get(`/up/${n}`))).toEqual([2, 2, 3, 1, 1]);
    expect(clock.delays).toContain(1000);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  });

  it("fetches a new URL with the same midstate when one expired, without spending a try", async () => {
    const bytes = testBytes(3 * 64 * KiB, 4);
    const { plan, parts, calls } = vendorPlan(bytes, 64 * KiB);
    server.arm("/up/2", { kind: "expire-urls" });
    const clock = instantClock();
    await uploadMultipart(fromUint8Array(bytes, "f"), plan, { transport, clock, concurrency: 1, retry: { maxAttempts: 1 } });
    expectStored(bytes, parts);
    const renewals = calls.filter((c) => c.renewing);
    expect(renewals).toHaveLength(1);
    expect(renewals[0]!.parts.map((p) => p.number)).toEqual([2]);
    const first = calls.find((c) => !c.renewing && c.parts.some((p) => p.number === 2))!.parts.find((p) => p.number === 2)!;
    expect(renewals[0]!.parts[0]!.midstates).toEqual(first.midstates);
    const urls = server.seen.filter((u) => u.startsWith("/up/2?"));
    expect(urls).toHaveLength(2);
    expect(urls[0]).not.toBe(urls[1]);
    expect(clock.delays).toEqual([]);
  });

  it("counts a second expiry in a row as a failed try", async () => {
    const bytes = testBytes(64 * KiB, 4);
    const { plan } = vendorPlan(bytes, 64 * KiB);
    server.arm("/up/1", { kind: "expire-urls", times: 5 });
    const error = await uploadMultipart(fromUint8Array(bytes, "f"), plan, { transport, clock: instantClock(), retry: { maxAttempts: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(server.requests.get("/up/1")).toBe(3);
  });

  it("retries a stalled part", async () => {
    const bytes = testBytes(2 * 16 * 1024 * KiB, 6);
    const { plan, parts } = vendorPlan(bytes, 16 * 1024 * KiB);
    server.arm("/up/2", { kind: "stall" });
    const log = progressLog();
    await uploadMultipart(fromUint8Array(bytes, "f"), plan, { transport, clock: instantClock(), stallTimeoutMs: 500, onProgress: log.onProgress });
    expectStored(bytes, parts);
    expect(server.requests.get("/up/2")).toBeGreaterThanOrEqual(2);
    expect(log.monotonic()).toBe(true);
    expect(log.last()!.loaded).toBe(bytes.byteLength);
  });

  it("stops on abort: sockets closed, hashing cancelled, onAbort called, typed error", async () => {
    const bytes = testBytes(2 * 16 * 1024 * KiB, 8);
    const { plan, midstates } = vendorPlan(bytes, 16 * 1024 * KiB);
    const controller = new AbortController();
    server.arm("/up/1", { kind: "hold" });
    server.arm("/up/2", { kind: "hold" });
    server.onHold = (path) => path === "/up/2" && controller.abort();
    const closed = new Set<string>();
    const bothClosed = new Promise<void>((resolve) => (server.onClosedEarly = (path) => void (closed.add(path).size === 2 && resolve())));
    let cleanedUp: MultipartCheckpoint<{ uploadId: string }> | undefined;
    plan.onAbort = async (checkpoint) => void (cleanedUp = checkpoint);
    const upload = uploadMultipart(fromUint8Array(bytes, "f"), plan, { transport, signal: controller.signal, concurrency: 2 });
    await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
    await bothClosed;
    expect([...closed].sort()).toEqual(["/up/1", "/up/2"]);
    expect(midstates.log.cancelled).toBe(1);
    expect(cleanedUp?.vendor).toEqual({ uploadId: "u-1" });
  });

  it("resumes from a checkpoint: done parts are not sent again", async () => {
    const bytes = testBytes(5 * 64 * KiB + 1, 10);
    const first = vendorPlan(bytes, 64 * KiB);
    server.arm("/up/3", { kind: "fail", times: 1, status: 403, code: "SignatureDoesNotMatch", message: "no" });
    let saved: MultipartCheckpoint<{ uploadId: string }> | undefined;
    const failure = await uploadMultipart(fromUint8Array(bytes, "f"), first.plan, { transport, concurrency: 1, onCheckpoint: (c) => void (saved = c) }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ storageCode: "SignatureDoesNotMatch" });
    expect(saved!.done.map((p) => p.number)).toEqual([1, 2]);
    expect(Object.keys(saved!.midstates)).toContain("3");

    const stored = JSON.parse(JSON.stringify(saved)) as MultipartCheckpoint<{ uploadId: string }>;
    const second = vendorPlan(bytes, 64 * KiB);
    const result = await uploadMultipart(fromUint8Array(bytes, "f"), { ...second.plan, parts: stored.parts, vendor: stored.vendor! }, { transport, resumeFrom: stored });
    expect([1, 2, 3, 4, 5, 6].map((n) => server.requests.get(`/up/${n}`))).toEqual([1, 1, 2, 1, 1, 1]);
    expect(second.calls.flatMap((c) => c.parts.map((p) => p.number)).sort()).toEqual([3, 4, 5, 6]);
    expect(result.parts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expectStored(bytes, first.parts);
    expect(result.digests.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("refuses to resume with a changed source or another layout", async () => {
    const bytes = testBytes(2 * 64 * KiB, 11);
    const { plan } = vendorPlan(bytes, 64 * KiB);
    const { checkpoint } = await uploadMultipart(fromUint8Array(bytes, "f"), plan, { transport });
    const changed = fromUint8Array(testBytes(2 * 64 * KiB + 1, 11), "f");
    await expect(uploadMultipart(changed, vendorPlan(testBytes(2 * 64 * KiB + 1), 64 * KiB).plan, { transport, resumeFrom: checkpoint })).rejects.toBeInstanceOf(
      SourceChangedError,
    );
    const relaid = vendorPlan(bytes, 128 * KiB).plan;
    await expect(uploadMultipart(fromUint8Array(bytes, "f"), relaid, { transport, resumeFrom: checkpoint })).rejects.toBeInstanceOf(CheckpointMismatchError);
  });

  it("fails with SourceChangedError, and hands back no digests, when the source changed by the end of the upload", async () => {
    const bytes = testBytes(2 * 64 * KiB, 14);
    const inner = fromUint8Array(bytes, "f");
    let asked = 0;
    const changing = { ...inner, fingerprint: async () => (asked++ === 0 ? "before" : "after") };
    await expect(uploadMultipart(changing, vendorPlan(bytes, 64 * KiB).plan, { transport })).rejects.toBeInstanceOf(SourceChangedError);
    expect(asked).toBe(2);
  });

  it("shares one concurrency limit between uploads", async () => {
    const limit = createConcurrencyLimit(2);
    const a = testBytes(6 * 64 * KiB, 12);
    const b = testBytes(6 * 64 * KiB, 13);
    await Promise.all([
      uploadMultipart(fromUint8Array(a, "a"), vendorPlan(a, 64 * KiB, "/a").plan, { transport, concurrency: limit }),
      uploadMultipart(fromUint8Array(b, "b"), vendorPlan(b, 64 * KiB, "/b").plan, { transport, concurrency: limit }),
    ]);
    expect(server.peakActive).toBeLessThanOrEqual(2);
    expectStored(a, layoutParts(a.byteLength, { minPartSize: 64 * KiB, maxPartSize: 1 << 30, maxParts: 100, align: 64 }).parts, "/a");
  });
});
