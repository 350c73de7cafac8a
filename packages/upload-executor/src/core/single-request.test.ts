import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StorageError } from "./storage-error.js";
import { InvalidUploadUrlError, UploadAbortedError } from "./errors.js";
import { uploadForm, uploadPut } from "./single-request.js";
import { fromUint8Array } from "./source.js";
import { instantClock } from "../../test/helpers/instant-clock.js";
import { progressLog } from "../../test/helpers/progress-log.js";
import { StorageServer } from "../../test/helpers/storage-server.js";
import { testBytes } from "../../test/helpers/test-bytes.js";
import { createNodeTransport } from "./transport/node.js";

const transport = createNodeTransport({ chunkSize: 64 * 1024 });
let server: StorageServer;
beforeEach(async () => void (server = await new StorageServer().start()));
afterEach(() => server.close());

describe("uploadPut", () => {
  it("stores the exact bytes with an exact Content-Length and reports progress to 100 %", async () => {
    const bytes = testBytes(1_000_003);
    const log = progressLog();
    const result = await uploadPut(
      fromUint8Array(bytes, "a.bin"),
      { kind: "put", url: `${server.url}/a.bin?sig=s`, headers: { "x-cos-meta-fileid": "m" } },
      { transport, onProgress: log.onProgress },
    );
    expect(result.status).toBe(200);
    expect(Buffer.compare(server.objects.get("/a.bin")!, bytes)).toBe(0);
    expect(server.received.get("/a.bin")).toMatchObject({ method: "PUT", headers: { "content-length": "1000003", "x-cos-meta-fileid": "m" } });
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  });

  it.each(["http://[bad/a.bin?sig=secret-signature", "/relative/a.bin", "ftp://127.0.0.1/a.bin"])(
    "refuses %s with a typed InvalidUploadUrlError that hides the URL",
    async (url) => {
      const error = await uploadPut(fromUint8Array(testBytes(10), "a.bin"), { kind: "put", url, headers: {} }, { transport }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidUploadUrlError);
      expect(error).toMatchObject({ code: "invalid_upload_url", retryable: false });
      expect((error as Error).message).not.toContain("secret-signature");
    },
  );

  it("uploads an empty file", async () => {
    const log = progressLog();
    await uploadPut(fromUint8Array(new Uint8Array(0), "empty"), { kind: "put", url: `${server.url}/empty` }, { transport, onProgress: log.onProgress });
    expect(server.objects.get("/empty")!.byteLength).toBe(0);
    expect(log.last()).toEqual({ loaded: 0, total: 0 });
  });

  it("retries a reset mid-body, a 503 and a 429 with Retry-After, then stores the bytes once", async () => {
    const bytes = testBytes(700_000, 7);
    server.arm(
      "/b",
      { kind: "reset", afterBytes: 200_000 },
      { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable" },
      { kind: "fail", times: 1, status: 429, retryAfterSeconds: 2 },
    );
    const clock = instantClock();
    const log = progressLog();
    await uploadPut(fromUint8Array(bytes, "b"), { kind: "put", url: `${server.url}/b` }, { transport, clock, onProgress: log.onProgress });
    expect(server.requests.get("/b")).toBe(4);
    expect(Buffer.compare(server.objects.get("/b")!, bytes)).toBe(0);
    expect(clock.delays).toHaveLength(3);
    expect(clock.delays[2]).toBe(2000);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  });

  it("reads a source with readInto into one buffer per request, kept for the next request once a body was sent whole", async () => {
    const bytes = testBytes(1_000_003, 3);
    const plain = fromUint8Array(bytes, "r.bin");
    const targets = new Set<Uint8Array>();
    const source = {
      ...plain,
      read: () => Promise.reject(new Error("read() is not used when readInto exists")),
      readInto: async (start: number, end: number, target: Uint8Array) => {
        targets.add(target);
        target.set(await plain.read(start, end));
      },
    };
    // A transport of its own: no buffer kept from another test.
    const fresh = createNodeTransport({ chunkSize: 64 * 1024 });
    server.arm("/r", { kind: "reset", afterBytes: 300_000 });
    await uploadPut(source, { kind: "put", url: `${server.url}/r` }, { transport: fresh, clock: instantClock() });
    expect(server.requests.get("/r")).toBe(2);
    expect(Buffer.compare(server.objects.get("/r")!, bytes)).toBe(0);
    // The reset request's buffer may still be in a write: it is dropped, the retry reads into a new one.
    expect([...targets].map((target) => target.byteLength)).toEqual([64 * 1024, 64 * 1024]);
    await uploadPut(source, { kind: "put", url: `${server.url}/again` }, { transport: fresh });
    expect(Buffer.compare(server.objects.get("/again")!, bytes)).toBe(0);
    expect(targets.size).toBe(2);
  });

  it("renews an expired URL through the plan's hook", async () => {
    server.arm("/old", { kind: "expire-urls" });
    await uploadPut(
      fromUint8Array(testBytes(10), "c"),
      {
        kind: "put",
        url: `${server.url}/old`,
        renew: async () => ({ url: `${server.url}/new` }),
      },
      { transport, clock: instantClock() },
    );
    expect(server.objects.get("/new")!.byteLength).toBe(10);
  });

  it("fails with a typed StorageError on an expired URL without a renew hook", async () => {
    server.arm("/x", { kind: "expire-urls" });
    const error = await uploadPut(fromUint8Array(testBytes(10), "x"), { kind: "put", url: `${server.url}/x?X-Amz-Signature=secretsig123` }, { transport }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ status: 403, storageCode: "AccessDenied", requestId: "req-expired-1" });
    expect((error as Error).message).not.toContain("secretsig123");
  });

  it("gives up after maxAttempts with the last error", async () => {
    server.arm("/down", { kind: "fail", times: 3, status: 500 });
    const error = await uploadPut(
      fromUint8Array(testBytes(10), "d"),
      { kind: "put", url: `${server.url}/down` },
      { transport, clock: instantClock(), retry: { maxAttempts: 3 } },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(server.requests.get("/down")).toBe(3);
  });

  it("aborts a request in flight: the server sees the socket close and the upload rejects with UploadAbortedError", async () => {
    const controller = new AbortController();
    server.arm("/held", { kind: "hold" });
    server.onHold = () => controller.abort();
    const closed = new Promise<string>((resolve) => (server.onClosedEarly = resolve));
    const upload = uploadPut(fromUint8Array(testBytes(32 * 1024 * 1024), "big"), { kind: "put", url: `${server.url}/held` }, { transport, signal: controller.signal });
    await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
    expect(await closed).toBe("/held");
  });

  it("retries a stalled request (server stops reading) and then succeeds", async () => {
    const bytes = testBytes(24 * 1024 * 1024, 3);
    server.arm("/slow", { kind: "stall" });
    const log = progressLog();
    await uploadPut(fromUint8Array(bytes, "s"), { kind: "put", url: `${server.url}/slow` }, { transport, clock: instantClock(), stallTimeoutMs: 500, onProgress: log.onProgress });
    // At least one retry; a heavily loaded machine may stall a later try too.
    expect(server.requests.get("/slow")).toBeGreaterThanOrEqual(2);
    expect(Buffer.compare(server.objects.get("/slow")!, bytes)).toBe(0);
    expect(log.monotonic()).toBe(true);
    expect(log.last()!.loaded).toBe(bytes.byteLength);
  });
});

describe("uploadForm", () => {
  it("sends the fields in order and the file last, with an exact Content-Length", async () => {
    const bytes = testBytes(300_001, 5);
    const fields = [
      ["key", "user/a b.bin"],
      ["policy", "eyJ4IjoxfQ=="],
      ["OSSAccessKeyId", "ak"],
      ["success_action_status", "204"],
      ["x-oss-meta-note", 'quote " and\r\nnewline'],
    ] as const;
    const log = progressLog();
    const result = await uploadForm(
      fromUint8Array(bytes, "a b.bin", "application/x-test"),
      { kind: "form", url: `${server.url}/bucket`, fields, fileField: "file" },
      { transport, onProgress: log.onProgress },
    );
    expect(result.status).toBe(204);
    const form = server.forms.get("/bucket")!;
    expect(form.order).toEqual(["key", "policy", "OSSAccessKeyId", "success_action_status", "x-oss-meta-note", "file"]);
    expect(form.fields).toEqual(fields.map(([k, v]) => [k, v]));
    expect(form.file).toMatchObject({ field: "file", fileName: "a b.bin", contentType: "application/x-test" });
    expect(Buffer.compare(form.file.bytes, bytes)).toBe(0);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength });
  });

  it("retries a reset form POST from the start", async () => {
    const bytes = testBytes(500_000, 9);
    server.arm("/bucket", { kind: "reset", afterBytes: 100_000 });
    await uploadForm(
      fromUint8Array(bytes, "f"),
      { kind: "form", url: `${server.url}/bucket`, fields: [["key", "k"]], fileField: "file", fileName: "named.bin", contentType: "image/png" },
      { transport, clock: instantClock() },
    );
    expect(server.requests.get("/bucket")).toBe(2);
    expect(server.forms.get("/bucket")!.file).toMatchObject({ fileName: "named.bin", contentType: "image/png" });
    expect(Buffer.compare(server.forms.get("/bucket")!.file.bytes, bytes)).toBe(0);
  });

  it("fails on a status other than the policy's success status", async () => {
    const error = await uploadForm(
      fromUint8Array(testBytes(5), "f"),
      { kind: "form", url: `${server.url}/bucket`, fields: [], fileField: "file", successStatus: [201] },
      { transport },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 204, storageCode: "HTTP_204" });
  });
});

describe("stall watchdog", () => {
  it("does not fire while the server processes a fully sent body", async () => {
    server.arm("/verify", { kind: "slow-answer", ms: 400 });
    await uploadPut(fromUint8Array(testBytes(100_000), "v"), { kind: "put", url: `${server.url}/verify` }, { transport, stallTimeoutMs: 100, responseTimeoutMs: 10_000 });
    expect(server.requests.get("/verify")).toBe(1);
  });

  it("gives up on a silent server after the response timeout and retries", async () => {
    server.arm("/silent", { kind: "slow-answer", ms: 60_000 });
    const clock = instantClock();
    await uploadPut(fromUint8Array(testBytes(1000), "t"), { kind: "put", url: `${server.url}/silent` }, { transport, clock, responseTimeoutMs: 200 });
    expect(server.requests.get("/silent")).toBe(2);
    expect(clock.delays).toHaveLength(1);
  });
});
