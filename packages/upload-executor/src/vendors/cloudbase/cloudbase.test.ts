import { VendorApiError } from "@direct-upload/client-core";
import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CheckpointMismatchError, UploadAbortedError } from "../../core/errors.js";
import { fromUint8Array } from "../../core/source.js";
import { uploadManyToCloudbase, uploadToCloudbase } from "./cloudbase.js";
import { EDGE_SIZES, progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import type { FlowCheckpoint } from "../flow-types.js";

let sandbox: Sandbox;
let info: Record<string, string>;
let client: ReturnType<typeof createCloudbaseClient>;

beforeAll(async () => {
  sandbox = await startSandbox();
  info = sandbox.vendors.cloudbase!;
  client = createCloudbaseClient({ baseUrl: info["baseUrl"]!, token: info["token"]! });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.faults.clear());

const stored = (name: string) => sandbox.objects.get(info["bucket"]!, name);
const hits = (route: "get-objects-upload-info" | "cos-put") => sandbox.faults.hits(`cloudbase.${route}`);

describe("uploadToCloudbase against the sandbox", () => {
  it.each([0, ...EDGE_SIZES])("PUTs %i bytes byte-exact with the issued COS headers", async (size) => {
    const bytes = testBytes(size, size + 11);
    const name = `edge/${size}.bin`;
    const log = progressLog();
    const result = await uploadToCloudbase({ client, source: fromUint8Array(bytes, "e.bin", "application/x-test"), name, onProgress: log.onProgress, engine: testEngine() });
    expect(stored(name)).toMatchObject({ size, sha256: sha256Hex(bytes), contentType: "application/x-test" });
    expect(result).toMatchObject({ vendor: "cloudbase", key: name, bytes: size, sha256: sha256Hex(bytes), cloudObjectId: `cloud://${info["envId"]}.${info["bucket"]}/${name}` });
    expect(result.url).toContain(`/storage/cos/${info["bucket"]}/${name}`);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });

  it("survives a reset mid-body, a 503 and a 429 with Retry-After", async () => {
    const bytes = testBytes(500_000, 21);
    sandbox.faults.arm("cloudbase.cos-put", [
      { kind: "reset", afterBytes: 150_000 },
      { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable" },
      { kind: "fail", times: 1, status: 429, code: "SlowDown", retryAfterSeconds: 3 },
    ]);
    const puts = hits("cos-put");
    const engine = testEngine();
    const log = progressLog();
    const result = await uploadToCloudbase({ client, source: fromUint8Array(bytes, "f.bin"), name: "faults/f.bin", onProgress: log.onProgress, engine });
    expect(hits("cos-put") - puts).toBe(4);
    expect(engine.clock.delays.at(-1)).toBe(3000);
    expect(stored("faults/f.bin")?.sha256).toBe(sha256Hex(bytes));
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("re-fetches the upload info when COS says the signature expired", async () => {
    const bytes = testBytes(40_000, 22);
    sandbox.faults.arm("cloudbase.get-objects-upload-info", { kind: "expire-urls" });
    const calls = hits("get-objects-upload-info");
    const puts = hits("cos-put");
    await uploadToCloudbase({ client, source: fromUint8Array(bytes, "x.bin"), name: "expired/x.bin", engine: testEngine() });
    expect(hits("get-objects-upload-info") - calls).toBe(2);
    expect(hits("cos-put") - puts).toBe(2);
    expect(stored("expired/x.bin")?.sha256).toBe(sha256Hex(bytes));
  });

  it("retries a stalled PUT after the stall timeout", async () => {
    const bytes = testBytes(4 * 1024 * 1024, 23);
    sandbox.faults.arm("cloudbase.cos-put", { kind: "stall", afterBytes: 256 * 1024 });
    const puts = hits("cos-put");
    const log = progressLog();
    await uploadToCloudbase({
      client,
      source: fromUint8Array(bytes, "s.bin"),
      name: "stall/s.bin",
      onProgress: log.onProgress,
      engine: testEngine({ stallTimeoutMs: 300, responseTimeoutMs: 500 }),
    });
    expect(hits("cos-put") - puts).toBe(2);
    expect(stored("stall/s.bin")?.sha256).toBe(sha256Hex(bytes));
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("aborts mid-body with UploadAbortedError and stores nothing", async () => {
    const controller = new AbortController();
    const upload = uploadToCloudbase({
      client,
      source: fromUint8Array(testBytes(8 * 1024 * 1024, 24), "big.bin"),
      name: "abort/big.bin",
      signal: controller.signal,
      onProgress: ({ loaded }) => loaded > 1024 * 1024 && controller.abort(),
      engine: testEngine(),
    });
    await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
    expect(stored("abort/big.bin")).toBeUndefined();
  });

  it("resumes an upload whose PUT succeeded without sending it again, and refuses another object's checkpoint", async () => {
    const bytes = testBytes(3000, 25);
    const source = fromUint8Array(bytes, "r.bin");
    const checkpoints: FlowCheckpoint[] = [];
    const first = await uploadToCloudbase({
      client,
      source,
      name: "resume/r.bin",
      onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))),
      engine: testEngine(),
    });
    expect(checkpoints.map((c) => (c.state as { stage: string }).stage)).toEqual(["requested", "uploaded"]);
    const calls = hits("get-objects-upload-info");
    const puts = hits("cos-put");
    const again = await uploadToCloudbase({ client, source, name: "resume/r.bin", resumeFrom: checkpoints.at(-1)!, engine: testEngine() });
    expect(again).toEqual(first);
    expect([hits("get-objects-upload-info") - calls, hits("cos-put") - puts]).toEqual([0, 0]);
    await expect(uploadToCloudbase({ client, source, name: "other.bin", resumeFrom: checkpoints.at(-1)!, engine: testEngine() })).rejects.toBeInstanceOf(CheckpointMismatchError);
  });
});

describe("uploadManyToCloudbase against the sandbox", () => {
  it("asks for all upload infos in one call, reports the refused item in its place and uploads the others", async () => {
    const files = [
      { name: "batch/a.bin", source: fromUint8Array(testBytes(65, 31), "a.bin") },
      { name: "../outside.bin", source: fromUint8Array(testBytes(100, 32), "bad.bin") },
      { name: "batch/c.bin", source: fromUint8Array(new Uint8Array(0), "c.bin") },
      { name: "batch/d.bin", source: fromUint8Array(testBytes(300_000, 34), "d.bin") },
    ];
    const calls = hits("get-objects-upload-info");
    const log = progressLog();
    const items = await uploadManyToCloudbase({ client, files, concurrency: 2, onProgress: log.onProgress, engine: testEngine() });
    expect(hits("get-objects-upload-info") - calls).toBe(1);
    expect(items.map((i) => [i.name, i.ok])).toEqual([
      ["batch/a.bin", true],
      ["../outside.bin", false],
      ["batch/c.bin", true],
      ["batch/d.bin", true],
    ]);
    const refused = items[1]!;
    expect(refused.ok || refused.error).toBeInstanceOf(VendorApiError);
    expect(refused.ok || refused.error).toMatchObject({ vendor: "cloudbase", vendorCode: "INVALID_PARAM" });
    for (const [index, item] of items.entries()) {
      if (!item.ok) continue;
      const bytes = await files[index]!.source.read(0, files[index]!.source.size);
      expect(item.result.sha256).toBe(sha256Hex(bytes));
      expect(stored(item.name)?.sha256).toBe(sha256Hex(bytes));
    }
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: 65 + 300_000, total: 65 + 300_000 });
  });

  it("re-fetches only the expired item's upload info", async () => {
    sandbox.faults.arm("cloudbase.get-objects-upload-info", { kind: "expire-urls" });
    const files = ["batch2/a.bin", "batch2/b.bin", "batch2/c.bin"].map((name, i) => ({ name, source: fromUint8Array(testBytes(1000 + i, 40 + i), name) }));
    const calls = hits("get-objects-upload-info");
    const puts = hits("cos-put");
    const items = await uploadManyToCloudbase({ client, files, engine: testEngine() });
    expect(items.every((i) => i.ok)).toBe(true);
    expect(hits("get-objects-upload-info") - calls).toBe(2);
    expect(hits("cos-put") - puts).toBe(4);
    for (const file of files) expect(stored(file.name)?.size).toBe(file.source.size);
  });

  it("reports a file whose PUT failed for good next to the ones that succeeded", async () => {
    sandbox.faults.arm("cloudbase.cos-put", { kind: "fail", times: 1, status: 403, code: "AccessDenied", message: "Access Denied." });
    const files = ["batch3/a.bin", "batch3/b.bin"].map((name, i) => ({ name, source: fromUint8Array(testBytes(500, 50 + i), name) }));
    const items = await uploadManyToCloudbase({ client, files, concurrency: 1, engine: testEngine() });
    expect(items.map((i) => i.ok)).toEqual([false, true]);
    expect(items[0]!.ok || items[0]!.error).toMatchObject({ status: 403, storageCode: "AccessDenied" });
    expect(items[0]!.ok || items[0]!.error.message).not.toMatch(/q-signature|q-ak=|AKID/);
    expect(stored("batch3/a.bin")).toBeUndefined();
    expect(stored("batch3/b.bin")?.size).toBe(500);
  });

  it("rejects the whole batch with UploadAbortedError when aborted", async () => {
    const controller = new AbortController();
    const files = ["batch4/a.bin", "batch4/b.bin", "batch4/c.bin"].map((name, i) => ({ name, source: fromUint8Array(testBytes(4 * 1024 * 1024, 60 + i), name) }));
    const upload = uploadManyToCloudbase({
      client,
      files,
      concurrency: 1,
      signal: controller.signal,
      onProgress: ({ loaded }) => loaded > 512 * 1024 && controller.abort(),
      engine: testEngine(),
    });
    await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
    for (const file of files) expect(stored(file.name)).toBeUndefined();
  });
});
