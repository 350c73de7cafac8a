import type { GetMultipartUploadUrlRequest, MultiPartInfo } from "@direct-upload/koodrive-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CheckpointMismatchError, UploadAbortedError } from "../../core/errors.js";
import type { MultipartCheckpoint } from "../../core/multipart/checkpoint.js";
import { SourceChangedError, fromUint8Array } from "../../core/source.js";
import { StorageError } from "../../core/storage-error.js";
import { progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { uploadToKoodrive, type KoodriveUploadOptions, type KoodriveUploadState } from "./koodrive.js";
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
import type { FlowCheckpoint } from "../flow-types.js";

const MiB = 1024 * 1024;
const PART = 5 * MiB; // the smallest part KooDrive accepts
const PUT = "koodrive.part-put";

let env: MultipartSandbox;
beforeAll(async () => void (env = await startMultipartSandbox()));
afterAll(() => env.stop());
afterEach(() => {
  env.sandbox.faults.clear();
  env.setSkew(0);
});

const stateOf = (checkpoint: FlowCheckpoint) => checkpoint.state as MultipartCheckpoint<KoodriveUploadState>;
const partsSent = (calls: RecordedCall[]) => calls.flatMap((call) => (call.body as GetMultipartUploadUrlRequest).multiParts);

/** Every MultiPartInfo sent for each part number, in order. */
function sendsByPart(calls: RecordedCall[]) {
  const sends = new Map<number, MultiPartInfo[]>();
  for (const part of partsSent(calls)) sends.set(part.partNumber, [...(sends.get(part.partNumber) ?? []), part]);
  return sends;
}

let files = 0;
const nextName = () => `clip-${++files}.bin`;

/** Uploads `bytes` through the sandbox and checks what every upload must satisfy: exact bytes, digest, progress. */
async function upload(bytes: Uint8Array, extra: Partial<KoodriveUploadOptions> = {}, name = nextName()) {
  const before = storedCount(env.sandbox, "koodrive");
  const progress = progressLog();
  const checkpoints = checkpointLog();
  const result = await uploadToKoodrive({
    client: env.koodrive,
    source: fromUint8Array(bytes, name),
    partSize: PART,
    engine: testEngine(),
    onProgress: progress.onProgress,
    onCheckpoint: checkpoints.onCheckpoint,
    ...extra,
  });
  expect(result).toMatchObject({ vendor: "koodrive", name, bytes: bytes.byteLength, sha256: sha256Hex(bytes) });
  expect(result.vendorDigest).toEqual({ algorithm: "sha256", hex: sha256Hex(bytes) });
  expectStored(env.sandbox, "koodrive", before, bytes);
  expect(progress.monotonic()).toBe(true);
  expect(progress.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  const last = stateOf(checkpoints.saved.at(-1)!);
  expect(last.vendor?.fileId).toBe(result.fileId);
  return { result, checkpoints, last };
}

describe("uploadToKoodrive against the sandbox", { timeout: 30_000 }, () => {
  it.each([0, 1, 63, 64, 65])("stores a %i-byte file as one part", async (size) => {
    const { last } = await upload(testBytes(size, size + 1));
    expect(last.parts).toEqual([{ number: 1, offset: 0, size }]);
  });

  it.each([
    [PART - 1, [PART - 1]],
    [PART, [PART]],
    [PART + 1, [PART, 1]],
  ])("splits %i bytes into parts of %j", async (size, sizes) => {
    const { last } = await upload(testBytes(size, 7));
    expect(last.parts.map((part) => part.size)).toEqual(sizes);
  });

  it("uploads 53 MiB in 11 parts, signing URLs in lazy batches with each part's offset and SHA-256 state", async () => {
    const bytes = testBytes(53 * MiB + 100, 53);
    const spy = recording(env.koodrive, ["getMultipartUploadUrl"]);
    const { last } = await upload(bytes, { client: spy.client, concurrency: 3 });
    expect(last.parts).toHaveLength(11);
    expect(spy.calls.length).toBeGreaterThanOrEqual(4);
    for (const call of spy.calls) expect((call.body as GetMultipartUploadUrlRequest).multiParts.length).toBeLessThanOrEqual(3);
    const sent = partsSent(spy.calls).sort((a, b) => a.partNumber - b.partNumber);
    expect(sent.map((part) => part.partNumber)).toEqual(last.parts.map((part) => part.number));
    for (const part of sent) {
      expect(part.partOffset).toBe((part.partNumber - 1) * PART);
      // Part 1 starts from the IV; every other part claims the state the hashing pass reached at its offset.
      expect(part.hashCtx).toEqual(part.partNumber === 1 ? undefined : last.midstates[part.partNumber]!.sha256!.h);
    }
  }, 60_000);

  describe("storage faults", () => {
    const bytes = testBytes(2 * PART + 1000, 99);

    it.each(STORAGE_FAULTS)("finishes byte-exact after $name", async ({ spec }) => {
      const spy = recording(env.koodrive, ["getMultipartUploadUrl"]);
      const engine = testEngine({ stallTimeoutMs: 500, responseTimeoutMs: 3_000 });
      const hits = env.sandbox.faults.hits(PUT);
      env.sandbox.faults.arm(PUT, spec);
      await upload(bytes, { client: spy.client, engine });
      expect(env.sandbox.faults.hits(PUT) - hits).toBeGreaterThan(3);
      if (spec.kind === "fail" && spec.retryAfterSeconds) expect(Math.max(...engine.clock.delays)).toBeGreaterThanOrEqual(spec.retryAfterSeconds * 1000);
      if (spec.kind === "expire-urls") {
        // Two URLs were issued expired: each cost one renewal, for the same part with the same hash state.
        const sends = sendsByPart(spy.calls);
        expect(partsSent(spy.calls)).toHaveLength(3 + 2);
        for (const same of sends.values()) for (const send of same) expect(send).toEqual(same[0]);
      }
    });

    it("renews URLs that expired because the storage clock moved on, with the same hash state", async () => {
      const spy = recording(env.koodrive, ["getMultipartUploadUrl"], (_, index) => {
        if (index === 0) env.setSkew(2 * 3600 * 1000); // the URLs just issued are valid for 1 h
      });
      const hits = env.sandbox.faults.hits(PUT);
      // One request at a time, so no API call carries an X-Date from before the jump.
      await upload(bytes, { client: spy.client, concurrency: 1 });
      const sends = sendsByPart(spy.calls);
      expect(sends.get(1)).toHaveLength(2);
      expect(sends.get(1)![1]).toEqual(sends.get(1)![0]);
      expect(partsSent(spy.calls)).toHaveLength(4);
      expect(env.sandbox.faults.hits(PUT) - hits).toBe(4);
    });

    it("retries the API calls that KooDrive answers with a retryable error", async () => {
      env.sandbox.faults.arm("koodrive.create", { kind: "fail", times: 1, status: 503, code: "13000201", message: "INNER_INVOKE_FAILURE" });
      env.sandbox.faults.arm("koodrive.uploadUrl", { kind: "fail", times: 1, status: 500, code: "13000201", message: "INNER_INVOKE_FAILURE" });
      env.sandbox.faults.arm("koodrive.complete", { kind: "fail", times: 1, status: 429, code: "429", message: "Too Many Requests" });
      const routes = ["create", "uploadUrl", "complete"].map((route) => `koodrive.${route}`);
      const hits = routes.map((route) => env.sandbox.faults.hits(route));
      await upload(bytes);
      expect(routes.map((route, i) => env.sandbox.faults.hits(route) - hits[i]! >= 2)).toEqual([true, true, true]);
    });

    it("fails with a typed error that shows neither the signed URL's query nor the token", async () => {
      env.sandbox.faults.arm(PUT, { kind: "fail", times: 1, status: 403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match" });
      const error = await uploadToKoodrive({ client: env.koodrive, source: fromUint8Array(bytes, nextName()), engine: testEngine() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ status: 403, storageCode: "SignatureDoesNotMatch" });
      const text = `${(error as Error).message} ${(error as StorageError).target}`;
      expect(text).not.toMatch(/X-Amz-|Signature=|uploadId=/);
      expect(text).not.toContain(env.sandbox.vendors.koodrive!.token!);
    });
  });

  describe("abort and resume", () => {
    const bytes = testBytes(4 * PART + 3, 4);

    it("stops on abort with a checkpoint that resumes sending only the missing parts", async () => {
      env.sandbox.faults.arm(PUT, { kind: "delay", ms: 200, times: 100 });
      const controller = new AbortController();
      const checkpoints = checkpointLog();
      const name = nextName();
      const first = uploadToKoodrive({
        client: env.koodrive,
        source: fromUint8Array(bytes, name),
        partSize: PART,
        concurrency: 2,
        engine: testEngine(),
        signal: controller.signal,
        onCheckpoint(checkpoint) {
          checkpoints.onCheckpoint(checkpoint);
          if (stateOf(checkpoint).done.length >= 1) controller.abort();
        },
      });
      await expect(first).rejects.toBeInstanceOf(UploadAbortedError);
      env.sandbox.faults.clear();

      const saved = checkpoints.saved.at(-1)!;
      const done = stateOf(saved).done.length;
      expect(done).toBeGreaterThanOrEqual(1);
      expect(done).toBeLessThan(5);
      const hits = env.sandbox.faults.hits(PUT);
      const { result } = await upload(bytes, { resumeFrom: saved }, name);
      expect(result.fileId).toBe(stateOf(saved).vendor!.fileId);
      expect(env.sandbox.faults.hits(PUT) - hits).toBe(5 - done);
    });

    it("completes a resumed upload whose parts were all stored, sending none again", async () => {
      const name = nextName();
      const small = testBytes(PART + 5, 12);
      const checkpoints = checkpointLog();
      const crashing = { ...env.koodrive, completeFile: () => Promise.reject(new Error("crashed before complete")) };
      const first = uploadToKoodrive({ client: crashing, source: fromUint8Array(small, name), partSize: PART, engine: testEngine(), onCheckpoint: checkpoints.onCheckpoint });
      await expect(first).rejects.toThrow("crashed before complete");
      const saved = checkpoints.saved.at(-1)!;
      expect(stateOf(saved).done).toHaveLength(2);
      const hits = env.sandbox.faults.hits(PUT);
      await upload(small, { resumeFrom: saved }, name);
      expect(env.sandbox.faults.hits(PUT)).toBe(hits);
    });

    it("refuses a checkpoint of another source or another vendor", async () => {
      const { checkpoints } = await upload(testBytes(100, 5), {}, "kept.bin");
      const saved = checkpoints.saved.at(-1)!;
      const other = fromUint8Array(testBytes(100, 6), "other.bin");
      await expect(uploadToKoodrive({ client: env.koodrive, source: other, resumeFrom: saved, engine: testEngine() })).rejects.toBeInstanceOf(SourceChangedError);
      const source = fromUint8Array(testBytes(100, 5), "kept.bin");
      await expect(uploadToKoodrive({ client: env.koodrive, source, resumeFrom: { ...saved, vendor: "pds" }, engine: testEngine() })).rejects.toBeInstanceOf(
        CheckpointMismatchError,
      );
    });
  });
});
