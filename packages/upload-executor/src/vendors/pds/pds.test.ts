import { createHash } from "node:crypto";
import type { GetUploadUrlRequest, PartInfoRequest } from "@direct-upload/pds-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CheckpointMismatchError, UploadAbortedError } from "../../core/errors.js";
import type { MultipartCheckpoint } from "../../core/multipart/checkpoint.js";
import { fromUint8Array } from "../../core/source.js";
import { StorageError } from "../../core/storage-error.js";
import { progressLog, sha256Hex, testBytes, testEngine, transport } from "../../../test/helpers/flow.js";
import type { HttpTransport } from "../../core/transport/types.js";
import {
  STORAGE_FAULTS,
  checkpointLog,
  expectStored,
  recording,
  startMultipartSandbox,
  storedCount,
  type MultipartSandbox,
  type RecordedCall,
} from "../../../test/helpers/multipart.js";
import { uploadToPds, type PdsUploadOptions, type PdsUploadState } from "./pds.js";
import type { FlowCheckpoint } from "../flow-types.js";

const KiB = 1024;
const MiB = KiB * KiB;
const PART = 100 * KiB; // the smallest OSS part
const PUT = "pds.part-put";

let env: MultipartSandbox;
beforeAll(async () => void (env = await startMultipartSandbox()));
afterAll(() => env.stop());
afterEach(() => {
  env.sandbox.faults.clear();
  env.setSkew(0);
});

const stateOf = (checkpoint: FlowCheckpoint) => checkpoint.state as MultipartCheckpoint<PdsUploadState>;
const hex = (alg: "sha1" | "sha256", bytes: Uint8Array) => createHash(alg).update(bytes).digest("hex");
const partsSent = (calls: RecordedCall[]) => calls.flatMap((call) => (call.body as GetUploadUrlRequest).part_info_list);

/** Every PartInfoRequest sent to get_upload_url for each part number, in order. */
function sendsByPart(calls: RecordedCall[]) {
  const sends = new Map<number, PartInfoRequest[]>();
  for (const part of partsSent(calls)) sends.set(part.part_number!, [...(sends.get(part.part_number!) ?? []), part]);
  return sends;
}

let files = 0;
const nextName = () => `photo-${++files}.jpg`;

/** Uploads `bytes` through the sandbox and checks what every upload must satisfy: exact bytes, digests, progress. */
async function upload(bytes: Uint8Array, extra: Partial<PdsUploadOptions> = {}, name = nextName()) {
  const before = storedCount(env.sandbox, "pds");
  const progress = progressLog();
  const checkpoints = checkpointLog();
  const result = await uploadToPds({
    client: env.pds,
    driveId: env.driveId,
    source: fromUint8Array(bytes, name),
    partSize: PART,
    // These tests are about sending bytes: a rapid upload (see pds-conformance.test.ts) would send none.
    rapid: "off",
    engine: testEngine(),
    onProgress: progress.onProgress,
    onCheckpoint: checkpoints.onCheckpoint,
    ...extra,
  });
  const hash = extra.hash ?? "sha1";
  expect(result).toMatchObject({ vendor: "pds", name, bytes: bytes.byteLength, sha256: sha256Hex(bytes) });
  expect(result.vendorDigest).toEqual({ algorithm: hash, hex: hex(hash, bytes) });
  expectStored(env.sandbox, "pds", before, bytes);
  expect(progress.monotonic()).toBe(true);
  expect(progress.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  const last = stateOf(checkpoints.saved.at(-1)!);
  expect(last.vendor).toMatchObject({ fileId: result.fileId, uploadId: result.uploadId, hash });
  return { result, checkpoints, last };
}

describe("uploadToPds against the sandbox", { timeout: 30_000 }, () => {
  it.each([0, 1, 63, 64, 65])("stores a %i-byte file as one part, with the SHA-1 content hash PDS verified", async (size) => {
    const { last } = await upload(testBytes(size, size + 11));
    expect(last.parts).toEqual([{ number: 1, offset: 0, size }]);
  });

  it.each([
    [PART - 1, [PART - 1]],
    [PART, [PART]],
    [PART + 1, [PART, 1]],
  ])("splits %i bytes into parts of %j, with SHA-256 contexts on request", async (size, sizes) => {
    const { last } = await upload(testBytes(size, 8), { hash: "sha256" });
    expect(last.parts.map((part) => part.size)).toEqual(sizes);
  });

  it("uploads 51 MiB in 100 KiB parts, asking for URLs in lazy batches with each part's SHA-1 context", async () => {
    const bytes = testBytes(51 * MiB + 3, 51);
    const spy = recording(env.pds, ["getUploadUrl"]);
    const { last } = await upload(bytes, { client: spy.client, concurrency: 4 });
    expect(last.parts).toHaveLength(523);
    for (const call of spy.calls) expect((call.body as GetUploadUrlRequest).part_info_list.length).toBeLessThanOrEqual(4);
    // Part 1's URL came with create; every other part was asked for once, with the state before it.
    const sent = partsSent(spy.calls).sort((a, b) => a.part_number! - b.part_number!);
    expect(sent.map((part) => part.part_number)).toEqual(last.parts.slice(1).map((part) => part.number));
    for (const part of sent) {
      expect(part.parallel_sha1_ctx).toEqual({ h: last.midstates[part.part_number!]!.sha1!.h, part_offset: (part.part_number! - 1) * PART });
    }
  }, 60_000);

  describe("storage faults", () => {
    const bytes = testBytes(4 * MiB + 1000, 98);
    const options = { partSize: 2 * MiB };

    it.each(STORAGE_FAULTS)("finishes byte-exact after $name", async ({ spec }) => {
      const spy = recording(env.pds, ["getUploadUrl"]);
      const engine = testEngine({ stallTimeoutMs: 500, responseTimeoutMs: 3_000 });
      const hits = env.sandbox.faults.hits(PUT);
      env.sandbox.faults.arm(PUT, spec);
      await upload(bytes, { ...options, client: spy.client, engine });
      expect(env.sandbox.faults.hits(PUT) - hits).toBeGreaterThan(3);
      if (spec.kind === "fail" && spec.retryAfterSeconds) expect(Math.max(...engine.clock.delays)).toBeGreaterThanOrEqual(spec.retryAfterSeconds * 1000);
      if (spec.kind === "expire-urls") {
        // Two of the issued URLs (create's included) were expired: each cost one renewal with the same context.
        expect(env.sandbox.faults.hits(PUT) - hits).toBe(3 + 2);
        expect(partsSent(spy.calls)).toHaveLength(2 + 2);
        for (const same of sendsByPart(spy.calls).values()) for (const send of same) expect(send).toEqual(same[0]);
      }
    });

    it("renews URLs that expired because the storage clock moved on, with the same context", async () => {
      const spy = recording(env.pds, ["getUploadUrl"], (_, index) => {
        if (index === 0) env.setSkew(3600 * 1000); // the URLs just issued are valid for 15 min
      });
      const hits = env.sandbox.faults.hits(PUT);
      await upload(bytes, { ...options, client: spy.client, concurrency: 1 });
      const sends = sendsByPart(spy.calls);
      expect(sends.get(2)).toHaveLength(2);
      expect(sends.get(2)![1]).toEqual(sends.get(2)![0]);
      expect(env.sandbox.faults.hits(PUT) - hits).toBe(4);
    });

    it("retries the API calls that PDS answers with a retryable error", async () => {
      env.sandbox.faults.arm("pds.create", { kind: "fail", times: 1, status: 503, code: "InternalError", message: "Internal server error." });
      env.sandbox.faults.arm("pds.get_upload_url", { kind: "fail", times: 1, status: 429, code: "TooManyRequests", message: "Too many requests." });
      env.sandbox.faults.arm("pds.complete", { kind: "fail", times: 1, status: 500, code: "InternalError", message: "Internal server error." });
      const routes = ["create", "get_upload_url", "complete"].map((route) => `pds.${route}`);
      const hits = routes.map((route) => env.sandbox.faults.hits(route));
      await upload(bytes, options);
      expect(routes.map((route, i) => env.sandbox.faults.hits(route) - hits[i]! >= 2)).toEqual([true, true, true]);
    });

    it("fails with a typed error that shows neither the signed URL's query nor the token", async () => {
      env.sandbox.faults.arm(PUT, { kind: "fail", times: 1, status: 403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match" });
      const error = await uploadToPds({ client: env.pds, driveId: env.driveId, source: fromUint8Array(bytes, nextName()), rapid: "off", engine: testEngine() }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ status: 403, storageCode: "SignatureDoesNotMatch" });
      const text = `${(error as Error).message} ${(error as StorageError).target}`;
      expect(text).not.toMatch(/OSSAccessKeyId|Signature=|Expires=|uploadId=/);
      expect(text).not.toContain(env.sandbox.vendors.pds!.token!);
    });
  });

  describe("resume", () => {
    const bytes = testBytes(130 * PART - 7, 130);

    it("reconciles the checkpoint with every page of list_uploaded_parts and sends only what PDS lacks", async () => {
      const controller = new AbortController();
      const checkpoints = checkpointLog();
      const name = nextName();
      const first = uploadToPds({
        client: env.pds,
        driveId: env.driveId,
        source: fromUint8Array(bytes, name),
        partSize: PART,
        engine: testEngine(),
        signal: controller.signal,
        onCheckpoint(checkpoint) {
          checkpoints.onCheckpoint(checkpoint);
          if (stateOf(checkpoint).done.length >= 110) controller.abort();
        },
      });
      await expect(first).rejects.toBeInstanceOf(UploadAbortedError);

      // As if the last checkpoints were never written, and one claimed a part PDS never got.
      const saved = checkpoints.saved.at(-1)!;
      const state = stateOf(saved);
      const stored = state.done.length;
      expect(state.done.some((part) => part.number === 130)).toBe(false);
      const stale = { ...saved, state: { ...state, done: [...state.done.slice(0, 50), { number: 130, offset: 129 * PART, size: PART - 7, etag: '"BOGUS"' }] } };

      // PUTs counted at the resume's own transport: a PUT of the aborted run may still reach the sandbox now.
      let puts = 0;
      const counting: HttpTransport = { send: (request) => (puts++, transport.send(request)) };
      const lists = env.sandbox.faults.hits("pds.list_uploaded_parts");
      await upload(bytes, { resumeFrom: stale, engine: testEngine({ transport: counting }) }, name);
      expect(env.sandbox.faults.hits("pds.list_uploaded_parts") - lists).toBe(2);
      expect(puts).toBeLessThanOrEqual(130 - stored);
    });

    it("refuses a checkpoint whose parts were hashed with another algorithm", async () => {
      const { checkpoints } = await upload(testBytes(100, 9), {}, "kept.jpg");
      const source = fromUint8Array(testBytes(100, 9), "kept.jpg");
      const resumed = uploadToPds({ client: env.pds, driveId: env.driveId, source, hash: "sha256", resumeFrom: checkpoints.saved.at(-1)!, engine: testEngine() });
      await expect(resumed).rejects.toBeInstanceOf(CheckpointMismatchError);
    });
  });
});
