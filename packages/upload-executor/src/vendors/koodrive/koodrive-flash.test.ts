import type { CreateFileRequest } from "@direct-upload/koodrive-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromUint8Array } from "../../core/source.js";
import { progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { expectStored, recording, startMultipartSandbox, storedCount, type MultipartSandbox } from "../../../test/helpers/multipart.js";
import { uploadToKoodrive, type KoodriveUploadOptions } from "./koodrive.js";

const MiB = 1024 * 1024;

/** Flash upload and `exist`: the createFile answers of the KooDrive guide, with the whole-file sha256 sent at create. */
describe("uploadToKoodrive with the whole-file sha256 at create", { timeout: 30_000 }, () => {
  let env: MultipartSandbox;
  beforeAll(async () => void (env = await startMultipartSandbox()));
  afterAll(() => env.stop());

  function run(bytes: Uint8Array, name: string, extra: Partial<KoodriveUploadOptions> = {}) {
    const rec = recording(env.koodrive, ["createFile", "getMultipartUploadUrl", "completeFile"]);
    const progress = progressLog();
    const result = uploadToKoodrive({
      client: rec.client,
      source: fromUint8Array(bytes, name),
      partSize: 5 * MiB,
      engine: testEngine(),
      onProgress: progress.onProgress,
      ...extra,
    });
    return { result, progress, calls: rec.calls };
  }
  const puts = () => env.sandbox.faults.hits("koodrive.part-put");

  it("uploads known content as a flash upload (rapidUpload), sending no part", async () => {
    const bytes = testBytes(5 * MiB + 99, 3);
    const before = storedCount(env.sandbox, "koodrive");
    const first = run(bytes, "clip.mp4", { flash: true });
    expect(await first.result).not.toHaveProperty("rapid");
    expectStored(env.sandbox, "koodrive", before, bytes);
    expect((first.calls[0]!.body as CreateFileRequest).sha256).toBe(sha256Hex(bytes));

    const sent = puts();
    const again = run(bytes, "copy.mp4", { flash: true });
    expect(await again.result).toMatchObject({ rapid: true, name: "copy.mp4", sha256: sha256Hex(bytes), vendorDigest: { algorithm: "sha256", hex: sha256Hex(bytes) } });
    expect(puts()).toBe(sent);
    expect(again.calls.map((c) => c.method)).toEqual(["createFile"]);
    expect(again.progress.events).toEqual([{ loaded: bytes.length, total: bytes.length }]);
  });

  it("autoRename 4 answers exist for the same name and content, and renames other content", async () => {
    const bytes = testBytes(1000, 4);
    const first = await run(bytes, "same.txt", { autoRename: 4 }).result;
    const existing = await run(bytes, "same.txt", { autoRename: 4 }).result;
    expect(existing).toMatchObject({ existed: true, fileId: first.fileId, name: "same.txt" });
    const other = await run(testBytes(1000, 5), "same.txt", { autoRename: 4 }).result;
    expect(other.name).not.toBe("same.txt");
    expect(other).not.toHaveProperty("existed");
  });

  it("sends no sha256 at create unless asked, so the first byte does not wait for a whole pass", async () => {
    const { result, calls } = run(testBytes(2000, 6), "plain.bin");
    await result;
    expect((calls[0]!.body as CreateFileRequest).sha256).toBeUndefined();
  });
});
