import { VendorApiError } from "@direct-upload/client-core";
import { createOpenimClient } from "@direct-upload/openim-client";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PlanError, UploadAbortedError } from "../../core/errors.js";
import { fromUint8Array } from "../../core/source.js";
import { StorageError } from "../../core/storage-error.js";
import { EDGE_SIZES, progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import { uploadToOpenim } from "./openim.js";
import type { FlowCheckpoint } from "../flow-types.js";

let sandbox: Sandbox;
let info: Record<string, string>;
let client: ReturnType<typeof createOpenimClient>;

beforeAll(async () => {
  sandbox = await startSandbox();
  info = sandbox.vendors.openim!;
  client = createOpenimClient({ baseUrl: info["baseUrl"]!, token: info["token"]! });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.faults.clear());

const nameFor = (file: string) => `${info["userId"]}/${file}`;
const hits = (route: "initiate_form_data" | "complete_form_data" | "storage-post") => sandbox.faults.hits(`openim.${route}`);

describe("uploadToOpenim against the sandbox", () => {
  it.each(EDGE_SIZES)("stores %i bytes byte-exact and completes", async (size) => {
    const bytes = testBytes(size, size);
    const log = progressLog();
    const result = await uploadToOpenim({
      client,
      source: fromUint8Array(bytes, "a.bin", "application/octet-stream"),
      name: nameFor(`s${size}.bin`),
      group: "test",
      onProgress: log.onProgress,
      engine: testEngine(),
    });
    const stored = sandbox.objects.get("openim", result.key!);
    expect(stored).toMatchObject({ size, sha256: sha256Hex(bytes), contentType: "application/octet-stream" });
    expect(result).toMatchObject({
      vendor: "openim",
      name: nameFor(`s${size}.bin`),
      bytes: size,
      sha256: sha256Hex(bytes),
      url: `${info["baseUrl"]}/object/${nameFor(`s${size}.bin`)}`,
    });
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });

  it("refuses an empty file before calling OpenIM (initiate_form_data requires size > 0)", async () => {
    const before = hits("initiate_form_data");
    await expect(uploadToOpenim({ client, source: fromUint8Array(new Uint8Array(0), "empty"), name: nameFor("empty"), engine: testEngine() })).rejects.toBeInstanceOf(PlanError);
    expect(hits("initiate_form_data")).toBe(before);
  });

  it("survives a reset mid-body, a 503 and a 429 with Retry-After; progress stays monotonic", async () => {
    const bytes = testBytes(600_000, 3);
    sandbox.faults.arm("openim.storage-post", [
      { kind: "reset", afterBytes: 200_000 },
      { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable" },
      { kind: "fail", times: 1, status: 429, code: "SlowDown", retryAfterSeconds: 2 },
    ]);
    const posts = hits("storage-post");
    const engine = testEngine();
    const log = progressLog();
    const result = await uploadToOpenim({ client, source: fromUint8Array(bytes, "f.bin"), name: nameFor("faults.bin"), onProgress: log.onProgress, engine });
    expect(hits("storage-post") - posts).toBe(4);
    expect(engine.clock.delays.at(-1)).toBe(2000);
    expect(sandbox.objects.get("openim", result.key!)?.sha256).toBe(sha256Hex(bytes));
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("renews an expired form policy with a new initiate_form_data and completes the new task", async () => {
    const bytes = testBytes(70_000, 4);
    sandbox.faults.arm("openim.initiate_form_data", { kind: "expire-urls" });
    const initiates = hits("initiate_form_data");
    const checkpoints: FlowCheckpoint[] = [];
    const result = await uploadToOpenim({
      client,
      source: fromUint8Array(bytes, "e.bin"),
      name: nameFor("expired.bin"),
      onCheckpoint: (c) => void checkpoints.push(c),
      engine: testEngine(),
    });
    expect(hits("initiate_form_data") - initiates).toBe(2);
    const [first, second] = checkpoints.map((c) => c.state as { id: string; key: string });
    expect(first!.id).not.toBe(second!.id);
    expect(result.uploadId).toBe(second!.id);
    expect(sandbox.objects.get("openim", first!.key)).toBeUndefined();
    expect(sandbox.objects.get("openim", result.key!)?.sha256).toBe(sha256Hex(bytes));
  });

  it("retries a stalled POST after the stall timeout", async () => {
    const bytes = testBytes(4 * 1024 * 1024, 5);
    sandbox.faults.arm("openim.storage-post", { kind: "stall", afterBytes: 256 * 1024 });
    const posts = hits("storage-post");
    const log = progressLog();
    const result = await uploadToOpenim({
      client,
      source: fromUint8Array(bytes, "s.bin"),
      name: nameFor("stall.bin"),
      onProgress: log.onProgress,
      engine: testEngine({ stallTimeoutMs: 300, responseTimeoutMs: 500 }),
    });
    expect(hits("storage-post") - posts).toBe(2);
    expect(sandbox.objects.get("openim", result.key!)?.sha256).toBe(sha256Hex(bytes));
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("reports a refused form as a typed StorageError that holds no signature", async () => {
    sandbox.faults.arm("openim.storage-post", { kind: "fail", times: 1, status: 403, code: "AccessDenied", message: "Invalid according to Policy: Policy Condition failed" });
    const checkpoints: FlowCheckpoint[] = [];
    const error = await uploadToOpenim({
      client,
      source: fromUint8Array(testBytes(100), "x.bin"),
      name: nameFor("refused.bin"),
      onCheckpoint: (c) => void checkpoints.push(c),
      engine: testEngine(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ status: 403, storageCode: "AccessDenied" });
    expect((error as Error).message).not.toMatch(/x-amz-signature|policy=/i);
    expect(JSON.stringify(checkpoints)).not.toMatch(/signature/i);
  });

  it("aborts mid-body: rejects with UploadAbortedError, stores nothing and never completes", async () => {
    const controller = new AbortController();
    const completes = hits("complete_form_data");
    let key: string | undefined;
    const upload = uploadToOpenim({
      client,
      source: fromUint8Array(testBytes(8 * 1024 * 1024, 6), "big.bin"),
      name: nameFor("aborted.bin"),
      mode: "form",
      signal: controller.signal,
      onCheckpoint: (c) => void (key = (c.state as { key: string }).key),
      onProgress: ({ loaded }) => loaded > 1024 * 1024 && controller.abort(),
      engine: testEngine(),
    });
    await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
    expect(key).toBeDefined();
    expect(sandbox.objects.get("openim", key!)).toBeUndefined();
    expect(hits("complete_form_data")).toBe(completes);
  });

  it("resumes after complete_form_data refused the token, without sending the file again", async () => {
    const bytes = testBytes(5000, 7);
    const source = fromUint8Array(bytes, "r.bin");
    sandbox.faults.arm("openim.complete_form_data", { kind: "fail", times: 1, status: 200, code: "1507", message: "token expired while uploading" });
    const checkpoints: FlowCheckpoint[] = [];
    const failed = await uploadToOpenim({
      client,
      source,
      name: nameFor("resume.bin"),
      onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c))),
      engine: testEngine(),
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(VendorApiError);
    expect(failed).toMatchObject({ vendorCode: "1507" });
    const posts = hits("storage-post");
    const log = progressLog();
    const result = await uploadToOpenim({ client, source, name: nameFor("resume.bin"), resumeFrom: checkpoints.at(-1)!, onProgress: log.onProgress, engine: testEngine() });
    expect(hits("storage-post")).toBe(posts);
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(sandbox.objects.get("openim", result.key!)?.sha256).toBe(sha256Hex(bytes));
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });
});
