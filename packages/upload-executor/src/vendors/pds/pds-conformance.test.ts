import { createHash } from "node:crypto";
import { createPdsClient, type CompleteFileRequest, type CreateFileRequest, type GetUploadUrlRequest } from "@direct-upload/pds-client";
import { crc64 as referenceCrc64 } from "crc64-ecma182.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UploadAbortedError } from "../../core/errors.js";
import { createMidstateHasher } from "../../core/hash/index.js";
import type { MultipartCheckpoint } from "../../core/multipart/checkpoint.js";
import { fromUint8Array } from "../../core/source.js";
import { progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { checkpointLog, expectStored, recording, startMultipartSandbox, storedCount, type MultipartSandbox } from "../../../test/helpers/multipart.js";
import type { PdsUploadOptions, PdsUploadState } from "./pds.js";
import { uploadToPds } from "./pds.js";

const KiB = 1024;
const PART = 100 * KiB;
const sha1 = (bytes: Uint8Array) => createHash("sha1").update(bytes).digest("hex");

/** The flow against behaviours of the real service that the official SDK relies on (vendor-conformance.md). */
describe("uploadToPds as the official PDS SDK uses the service", { timeout: 30_000 }, () => {
  let env: MultipartSandbox;
  beforeAll(async () => void (env = await startMultipartSandbox()));
  afterAll(() => env.stop());

  const puts = () => env.sandbox.faults.hits("pds.part-put");
  function run(bytes: Uint8Array, name: string, extra: Partial<PdsUploadOptions> = {}, target = env) {
    const rec = recording(target.pds, ["createFile", "getUploadUrl", "completeFile", "getFile"]);
    const progress = progressLog();
    const checkpoints = checkpointLog();
    const result = uploadToPds({
      client: rec.client,
      driveId: target.driveId,
      source: fromUint8Array(bytes, name),
      partSize: PART,
      engine: testEngine(),
      onProgress: progress.onProgress,
      onCheckpoint: checkpoints.onCheckpoint,
      ...extra,
    });
    const bodies = <T>(method: string) => rec.calls.filter((c) => c.method === method).map((c) => c.body as T);
    return { result, progress, checkpoints, bodies };
  }

  describe("name conflicts", () => {
    const name = "report.pdf";
    const original = testBytes(150 * KiB, 31);
    let firstId: string;
    beforeAll(async () => void (firstId = (await run(original, name, { rapid: "off" }).result).fileId!));

    it.each(["refuse", "skip"] as const)("%s ends with existed: true and the existing file, sending nothing", async (onConflict) => {
      const before = [storedCount(env.sandbox, "pds"), puts()];
      const { result, progress, bodies } = run(testBytes(120 * KiB, 5), name, { onConflict });
      expect(await result).toMatchObject({ existed: true, fileId: firstId, name, sha256: sha256Hex(testBytes(120 * KiB, 5)) });
      expect((await result).uploadId).toBeUndefined();
      expect([storedCount(env.sandbox, "pds"), puts()]).toEqual(before);
      expect(bodies<CreateFileRequest>("createFile").map((b) => b.check_name_mode)).toEqual(["refuse"]);
      expect(progress.last()).toEqual({ loaded: 120 * KiB, total: 120 * KiB });
    });

    it("auto_rename uploads under a new name, ignore beside the old file", async () => {
      const renamed = await run(testBytes(1500, 6), name, { onConflict: "auto_rename" }).result;
      expect(renamed).toMatchObject({ name: "report(1).pdf" });
      const duplicate = await run(testBytes(1500, 7), name, { onConflict: "ignore" }).result;
      expect(duplicate.name).toBe(name);
      expect(duplicate.fileId).not.toBe(firstId);
    });

    it("overwrite makes a new version of the existing file", async () => {
      const existing = (await run(testBytes(110 * KiB, 9), "notes.txt", { rapid: "off" }).result).fileId!;
      const bytes = testBytes(130 * KiB, 8);
      const before = storedCount(env.sandbox, "pds");
      const { result, bodies } = run(bytes, "notes.txt", { onConflict: "overwrite", rapid: "off" });
      expect(await result).toMatchObject({ fileId: existing, name: "notes.txt", vendorDigest: { algorithm: "sha1", hex: sha1(bytes) } });
      expectStored(env.sandbox, "pds", before, bytes);
      expect(bodies<CreateFileRequest>("createFile").map((b) => [b.check_name_mode, b.file_id])).toEqual([
        ["refuse", undefined],
        ["refuse", existing],
      ]);
      expect(await env.pds.getFile({ drive_id: env.driveId, file_id: existing })).toMatchObject({ content_hash: sha1(bytes).toUpperCase(), size: bytes.length });
    });
  });

  describe("rapid upload", () => {
    it("uploads known content again without sending a byte: pre_hash, 409, whole hash, rapid", async () => {
      const bytes = testBytes(2 * PART + 77, 41);
      await run(bytes, "first.bin", { rapid: "off" }).result;
      const before = puts();
      const { result, progress, bodies } = run(bytes, "second.bin");
      expect(await result).toMatchObject({ rapid: true, name: "second.bin", sha256: sha256Hex(bytes), vendorDigest: { algorithm: "sha1", hex: sha1(bytes) } });
      expect(puts()).toBe(before);
      expect(progress.events).toEqual([{ loaded: bytes.length, total: bytes.length }]);
      // The pre_hash create answered 409 (not recorded as a success); the second carried the whole-file hash.
      expect(bodies<CreateFileRequest>("createFile").map((b) => [b.pre_hash, b.content_hash])).toEqual([[undefined, sha1(bytes).toUpperCase()]]);
    });

    it("sends the content hash of a small file at once, and makes a 0-byte file by rapid upload", async () => {
      const small = testBytes(700, 42);
      const { result, bodies } = run(small, "small.txt");
      expect(await result).not.toHaveProperty("rapid");
      expect(bodies<CreateFileRequest>("createFile")[0]!.content_hash).toBe(sha1(small).toUpperCase());
      expect(await run(new Uint8Array(0), "empty.txt").result).toMatchObject({ rapid: true, bytes: 0 });
    });

    it("uploads a file whose first KiB matches another one with the midstates of the hashing pass it already ran", async () => {
      const stored = testBytes(2 * PART, 43);
      await run(stored, "a.bin", { rapid: "off" }).result;
      const bytes = Uint8Array.from(stored);
      bytes[PART + 5] = 255 - bytes[PART + 5]!;
      const before = storedCount(env.sandbox, "pds");
      const { result, bodies } = run(bytes, "b.bin");
      expect(await result).toMatchObject({ vendorDigest: { algorithm: "sha1", hex: sha1(bytes) } });
      expect(await result).not.toHaveProperty("rapid");
      expectStored(env.sandbox, "pds", before, bytes);
      expect(bodies<CreateFileRequest>("createFile")[0]!.content_hash).toBe(sha1(bytes).toUpperCase());
    });

    it("sends only the pre_hash (SHA-1 of the first KiB) for an unknown large file", async () => {
      const bytes = testBytes(PART + 3, 44);
      const { result, bodies } = run(bytes, "new.bin");
      await result;
      expect(bodies<CreateFileRequest>("createFile").map((b) => [b.pre_hash, b.content_hash])).toEqual([[sha1(bytes.subarray(0, KiB)), undefined]]);
    });
  });

  describe("serial mode", () => {
    it("sends parts in order without contexts and a CRC-64 the sandbox checks with an independent implementation", async () => {
      const bytes = testBytes(3 * PART + 9, 51);
      const before = storedCount(env.sandbox, "pds");
      const { result, bodies } = run(bytes, "serial.bin", { mode: "serial", concurrency: 4, rapid: "off" });
      expect(await result).toMatchObject({ vendorDigest: { algorithm: "sha1", hex: sha1(bytes) } });
      expectStored(env.sandbox, "pds", before, bytes);
      expect(bodies<CreateFileRequest>("createFile")[0]).toMatchObject({ parallel_upload: false, part_info_list: [{ part_number: 1 }] });
      expect(bodies<GetUploadUrlRequest>("getUploadUrl").flatMap((b) => b.part_info_list)).toEqual([{ part_number: 2 }, { part_number: 3 }, { part_number: 4 }]);
      expect(bodies<CompleteFileRequest>("completeFile")[0]!.crc64_hash).toBe(referenceCrc64(Buffer.from(bytes)));
    });

    it("falls back to serial on a domain without parallel upload", async () => {
      const serialOnly = await startMultipartSandbox({ parallelUpload: false });
      try {
        const bytes = testBytes(2 * PART + 1, 52);
        const { result, bodies } = run(bytes, "fallback.bin", { rapid: "off" }, serialOnly);
        expect(await result).toMatchObject({ vendorDigest: { algorithm: "sha1", hex: sha1(bytes) } });
        expectStored(serialOnly.sandbox, "pds", 0, bytes);
        expect(bodies<CreateFileRequest>("createFile").map((b) => b.parallel_upload)).toEqual([false]);
        expect(bodies<CompleteFileRequest>("completeFile")[0]!.crc64_hash).toBe(referenceCrc64(Buffer.from(bytes)));
      } finally {
        await serialOnly.stop();
      }
    });
  });

  it("confirms with get that an upload completed when the resumed upload_id is gone", async () => {
    const bytes = testBytes(2 * PART, 61);
    const first = run(bytes, "done.bin", { rapid: "off" });
    const finished = await first.result;
    const resumed = run(bytes, "done.bin", { resumeFrom: first.checkpoints.saved.at(-1)! });
    expect(await resumed.result).toMatchObject({ fileId: finished.fileId, uploadId: finished.uploadId, vendorDigest: finished.vendorDigest, sha256: finished.sha256 });
    expect(resumed.bodies("getFile")).toEqual([{ drive_id: env.driveId, file_id: finished.fileId }]);
    expect(resumed.progress.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("counts AlreadyExist.File on a resumed upload as the file existing, once get shows these bytes", async () => {
    const bytes = testBytes(3 * PART, 81);
    await run(bytes, "original.bin", { rapid: "off" }).result;
    // An upload of the same bytes to another file, paused after its first part.
    const controller = new AbortController();
    const paused = run(bytes, "paused.bin", {
      rapid: "off",
      concurrency: 1,
      signal: controller.signal,
      onCheckpoint(checkpoint) {
        paused.checkpoints.onCheckpoint(checkpoint);
        if ((checkpoint.state as MultipartCheckpoint).done.length >= 1) controller.abort();
      },
    });
    await expect(paused.result).rejects.toBeInstanceOf(UploadAbortedError);
    const saved = paused.checkpoints.saved.at(-1)!;
    const { fileId } = (saved.state as MultipartCheckpoint<PdsUploadState>).vendor!;
    // Meanwhile a rapid upload gives that file the same content (a new version of it, by overwrite).
    expect(await run(bytes, "paused.bin", { onConflict: "overwrite" }).result).toMatchObject({ rapid: true, fileId });

    const before = [storedCount(env.sandbox, "pds"), puts()];
    const resumed = run(bytes, "paused.bin", { resumeFrom: saved });
    expect(await resumed.result).toMatchObject({ existed: true, fileId, name: "paused.bin", sha256: sha256Hex(bytes), vendorDigest: { algorithm: "sha1", hex: sha1(bytes) } });
    expect([storedCount(env.sandbox, "pds"), puts()]).toEqual(before);
    expect(resumed.bodies("getFile")).toEqual([{ drive_id: env.driveId, file_id: fileId }]);
    expect(resumed.progress.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("takes get_upload_url with part numbers alone, as the SDK's resume sends them, keeping the contexts create declared", async () => {
    const bytes = testBytes(2 * PART + 10, 91);
    const offsets = [0, PART, 2 * PART];
    const hasher = await createMidstateHasher("sha1");
    const declared = offsets.map((offset, i) => {
      const h = i === 0 ? [] : [...hasher.midstate().h];
      hasher.update(bytes.subarray(offset, offsets[i + 1] ?? bytes.length));
      return { part_number: i + 1, parallel_sha1_ctx: { h, part_offset: offset } };
    });
    const scope = { drive_id: env.driveId };
    const created = await env.pds.createFile({
      ...scope,
      parent_file_id: "root",
      name: "sdk-resume.bin",
      type: "file",
      size: bytes.length,
      parallel_upload: true,
      content_hash_name: "sha1",
      part_info_list: declared,
    });
    const ids = { ...scope, file_id: created.file_id, upload_id: created.upload_id! };
    const { part_info_list = [] } = await env.pds.getUploadUrl({ ...ids, part_info_list: offsets.map((_, i) => ({ part_number: i + 1 })) });
    expect(part_info_list.map((p) => p.part_number)).toEqual([1, 2, 3]);
    const before = storedCount(env.sandbox, "pds");
    // Last part first: each part was declared with its context, so the order does not matter.
    const etags = await Promise.all(
      [...part_info_list].reverse().map(async (part) => {
        const from = offsets[part.part_number! - 1]!;
        const res = await fetch(part.upload_url!, {
          method: "PUT",
          headers: { "content-type": part.content_type ?? "" },
          body: new Uint8Array(bytes.subarray(from, offsets[part.part_number!] ?? bytes.length)),
        });
        expect(res.status).toBe(200);
        return { part_number: part.part_number!, etag: res.headers.get("etag")! };
      }),
    );
    const file = await env.pds.completeFile({ ...ids, part_info_list: etags.reverse() });
    expect(file.content_hash?.toLowerCase()).toBe(sha1(bytes));
    expectStored(env.sandbox, "pds", before, bytes);
  });

  it("uploads through a share link with the share token alone, no access token", async () => {
    const info = env.sandbox.vendors.pds!;
    const client = createPdsClient({ baseUrl: info.baseUrl!, shareToken: info.shareToken! });
    const bytes = testBytes(2 * PART + 5, 73);
    const before = storedCount(env.sandbox, "pds");
    const result = await uploadToPds({ client, shareId: info.shareId!, source: fromUint8Array(bytes, "shared-alone.bin"), partSize: PART, engine: testEngine() });
    expect(result.vendorDigest).toEqual({ algorithm: "sha1", hex: sha1(bytes) });
    expectStored(env.sandbox, "pds", before, bytes);
    await expect(uploadToPds({ client, driveId: env.driveId, source: fromUint8Array(bytes, "no-drive.bin"), partSize: PART, engine: testEngine() })).rejects.toMatchObject({
      vendorCode: "AccessTokenInvalid",
    });
  });

  it("uploads through a share link with share_id and x-share-token", async () => {
    const info = env.sandbox.vendors.pds!;
    const client = createPdsClient({ baseUrl: info.baseUrl!, token: info.token!, shareToken: info.shareToken! });
    const bytes = testBytes(PART + 64, 71);
    const before = storedCount(env.sandbox, "pds");
    const result = await uploadToPds({ client, shareId: info.shareId!, source: fromUint8Array(bytes, "shared.bin"), partSize: PART, engine: testEngine() });
    expect(result.vendorDigest).toEqual({ algorithm: "sha1", hex: sha1(bytes) });
    expectStored(env.sandbox, "pds", before, bytes);
  });
});
