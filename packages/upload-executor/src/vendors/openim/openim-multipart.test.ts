import { createOpenimClient } from "@direct-upload/openim-client";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PlanError, UploadAbortedError } from "../../core/errors.js";
import { fromUint8Array } from "../../core/source.js";
import { progressLog, sha256Hex, testBytes, testEngine } from "../../../test/helpers/flow.js";
import type { FlowCheckpoint } from "../flow-types.js";
import { OPENIM_MULTIPART_THRESHOLD, uploadToOpenim } from "./openim.js";

const MiB = 1024 * 1024;
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
const hits = (key: string) => sandbox.faults.hits(key);

describe("uploadToOpenim multipart against the sandbox (MinIO behind it)", { timeout: 120_000 }, () => {
  it.each([OPENIM_MULTIPART_THRESHOLD - 1, OPENIM_MULTIPART_THRESHOLD + 1, 2 * OPENIM_MULTIPART_THRESHOLD, 11 * MiB + 5])(
    "stores %i bytes byte-exact by the path auto picks",
    async (size) => {
      const bytes = testBytes(size, size % 251);
      const log = progressLog();
      const forms = hits("openim.initiate_form_data");
      const initiates = hits("openim.initiate_multipart_upload");
      const result = await uploadToOpenim({
        client,
        source: fromUint8Array(bytes, "a.bin", "application/octet-stream"),
        name: nameFor(`auto-${size}.bin`),
        onProgress: log.onProgress,
        concurrency: 3,
        engine: testEngine(),
      });
      const multipart = size > OPENIM_MULTIPART_THRESHOLD;
      expect(hits("openim.initiate_form_data") - forms).toBe(multipart ? 0 : 1);
      expect(hits("openim.initiate_multipart_upload") - initiates).toBe(multipart ? 1 : 0);
      expect(result).toMatchObject({ vendor: "openim", bytes: size, sha256: sha256Hex(bytes), url: `${info["baseUrl"]}/object/${nameFor(`auto-${size}.bin`)}` });
      expect(sandbox.objects.get("openim", result.key!)).toMatchObject({ size, sha256: sha256Hex(bytes) });
      expect(log.monotonic()).toBe(true);
      expect(log.last()).toEqual({ loaded: size, total: size });
    },
  );

  it("sends a one-part file through the presigned PUT the server hands out, when multipart is forced", async () => {
    const bytes = testBytes(1000, 9);
    const signs = hits("openim.auth_sign");
    const result = await uploadToOpenim({ client, source: fromUint8Array(bytes, "one.bin"), name: nameFor("one.bin"), mode: "multipart", engine: testEngine() });
    expect(hits("openim.auth_sign")).toBe(signs);
    expect(result.rapid).toBeUndefined();
    expect(sandbox.objects.get("openim", result.key!)?.sha256).toBe(sha256Hex(bytes));
  });

  it("sends zero bytes for content OpenIM already has, and says so", async () => {
    const bytes = testBytes(6 * MiB, 42);
    const first = await uploadToOpenim({ client, source: fromUint8Array(bytes, "dup.bin"), name: nameFor("dup-1.bin"), engine: testEngine() });
    expect(first.rapid).toBeUndefined();
    const puts = hits("s3.put");
    const log = progressLog();
    const second = await uploadToOpenim({ client, source: fromUint8Array(bytes, "dup.bin"), name: nameFor("dup-2.bin"), onProgress: log.onProgress, engine: testEngine() });
    expect(hits("s3.put")).toBe(puts);
    expect(second).toMatchObject({ rapid: true, sha256: sha256Hex(bytes), bytes: bytes.length, url: `${info["baseUrl"]}/object/${nameFor("dup-2.bin")}` });
    expect(log.last()).toEqual({ loaded: bytes.length, total: bytes.length });
  });

  it("retries a failed part and resumes an aborted upload from its checkpoint, sending only missing parts", async () => {
    const bytes = testBytes(4 * 5 * MiB + 17, 7);
    const checkpoints: FlowCheckpoint[] = [];
    const controller = new AbortController();
    sandbox.faults.arm("s3.put", { kind: "fail", times: 1, status: 503, code: "SlowDown" });
    const source = fromUint8Array(bytes, "resume.bin");
    const aborted = uploadToOpenim({
      client,
      source,
      name: nameFor("resume.bin"),
      concurrency: 1,
      signal: controller.signal,
      engine: testEngine(),
      onCheckpoint: (checkpoint) => {
        checkpoints.push(JSON.parse(JSON.stringify(checkpoint)) as FlowCheckpoint);
        if ((checkpoint.state as { done: unknown[] }).done.length === 2) controller.abort();
      },
    });
    await expect(aborted).rejects.toBeInstanceOf(UploadAbortedError);
    const saved = checkpoints.at(-1)!;
    expect((saved.state as { done: unknown[] }).done).toHaveLength(2);
    const puts = hits("s3.put");
    const result = await uploadToOpenim({ client, source, name: nameFor("resume.bin"), resumeFrom: saved, engine: testEngine() });
    expect(hits("s3.put") - puts).toBe(3);
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(sandbox.objects.get("openim", result.key!)?.sha256).toBe(sha256Hex(bytes));
  });

  it("refuses a name over 1024 bytes of UTF-8, even when it has fewer characters", async () => {
    const name = nameFor("é".repeat(510)); // 1020 bytes of "é" plus the user folder
    expect(name.length).toBeLessThan(1024);
    await expect(uploadToOpenim({ client, source: fromUint8Array(testBytes(10, 1), "x"), name, engine: testEngine() })).rejects.toBeInstanceOf(PlanError);
  });
});
