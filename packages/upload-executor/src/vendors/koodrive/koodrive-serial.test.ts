import type { CompleteFileRequest, GetMultipartUploadUrlRequest } from "@direct-upload/koodrive-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MultipartCheckpoint } from "../../core/multipart/checkpoint.js";
import { fromUint8Array } from "../../core/source.js";
import { progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { checkpointLog, expectStored, recording, startMultipartSandbox, storedCount, type MultipartSandbox } from "../../../test/helpers/multipart.js";
import { uploadToKoodrive, type KoodriveUploadState } from "./koodrive.js";

const MiB = 1024 * 1024;

/** Serial (no-context) multipart: partOffset and hashCtx are "valid only during concurrent multipart upload". */
describe("uploadToKoodrive in serial mode", { timeout: 30_000 }, () => {
  let env: MultipartSandbox;
  beforeAll(async () => void (env = await startMultipartSandbox()));
  afterAll(() => env.stop());

  it("sends the parts one at a time in order without partOffset or hashCtx; the sandbox hashes them in order", async () => {
    const bytes = testBytes(3 * 5 * MiB + 777, 41);
    const before = storedCount(env.sandbox, "koodrive");
    const rec = recording(env.koodrive, ["getMultipartUploadUrl", "completeFile"]);
    const progress = progressLog();
    const checkpoints = checkpointLog();
    // Concurrency 4 is asked for: the sandbox refuses a serial part before the one ahead of it is stored.
    const result = await uploadToKoodrive({
      client: rec.client,
      source: fromUint8Array(bytes, "serial.bin"),
      partSize: 5 * MiB,
      concurrency: 4,
      mode: "serial",
      engine: testEngine(),
      onProgress: progress.onProgress,
      onCheckpoint: checkpoints.onCheckpoint,
    });
    expect(result).toMatchObject({
      vendor: "koodrive",
      name: "serial.bin",
      bytes: bytes.length,
      sha256: sha256Hex(bytes),
      vendorDigest: { algorithm: "sha256", hex: sha256Hex(bytes) },
    });
    expectStored(env.sandbox, "koodrive", before, bytes);
    const sent = rec.calls.filter((c) => c.method === "getMultipartUploadUrl").flatMap((c) => (c.body as GetMultipartUploadUrlRequest).multiParts);
    expect(sent).toEqual([1, 2, 3, 4].map((partNumber) => ({ partNumber, partSize: partNumber === 4 ? 777 : 5 * MiB })));
    expect(rec.calls.filter((c) => c.method === "completeFile").map((c) => (c.body as CompleteFileRequest).sha256)).toEqual([sha256Hex(bytes)]);
    expect(progress.last()).toEqual({ loaded: bytes.length, total: bytes.length });
    expect((checkpoints.saved.at(-1)!.state as MultipartCheckpoint<KoodriveUploadState>).vendor).toMatchObject({ serial: true });
  });
});
