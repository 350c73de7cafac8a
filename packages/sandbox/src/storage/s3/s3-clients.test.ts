import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, ListPartsCommand, S3Client, UploadPartCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import * as Minio from "minio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox.js";
import { S3_COMPLETE_AFTER_200_KEY } from "./s3-routes.js";

const MiB = 1024 * 1024;
let sandbox: Sandbox;
let s3: S3Client;

beforeAll(async () => {
  sandbox = await startSandbox();
  const { endpoint, region, accessKeyId, secretAccessKey } = sandbox.s3;
  s3 = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
});
afterAll(async () => {
  s3.destroy();
  await sandbox.stop();
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function storedSha256(key: string): Promise<string | undefined> {
  const hash = createHash("sha256");
  for await (const chunk of sandbox.objects.read(sandbox.s3.bucket, key) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest("hex");
}

// 50+ MiB through real clients: a generous budget for a loaded machine (no timing is asserted).
describe("the sandbox S3 endpoint with unmodified S3 clients", { timeout: 120_000 }, () => {
  it("takes a 52 MiB multipart upload from @aws-sdk/lib-storage byte for byte, and serves it back", async () => {
    const body = randomBytes(52 * MiB + 123);
    const seen: number[] = [];
    const upload = new Upload({
      client: s3,
      params: { Bucket: sandbox.s3.bucket, Key: "lib-storage/big.bin", Body: body, ContentType: "application/x-test" },
      partSize: 8 * MiB,
      queueSize: 4,
    });
    upload.on("httpUploadProgress", (progress) => seen.push(progress.loaded ?? 0));
    const done = await upload.done();
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-7"$/);
    expect(await storedSha256("lib-storage/big.bin")).toBe(sha256(body));
    expect(Math.max(...seen)).toBe(body.length);
    const head = await s3.send(new HeadObjectCommand({ Bucket: sandbox.s3.bucket, Key: "lib-storage/big.bin" }));
    expect(head).toMatchObject({ ContentLength: body.length, ETag: done.ETag, ContentType: "application/x-test" });
    const got = await s3.send(new GetObjectCommand({ Bucket: sandbox.s3.bucket, Key: "lib-storage/big.bin" }));
    expect(sha256(await got.Body!.transformToByteArray())).toBe(sha256(body));
  });

  it("takes a small PutObject from lib-storage with its CRC32 checksum", async () => {
    const body = Buffer.from("a small object");
    await new Upload({ client: s3, params: { Bucket: sandbox.s3.bucket, Key: "lib-storage/small.txt", Body: body } }).done();
    expect(await sandbox.objects.bytes(sandbox.s3.bucket, "lib-storage/small.txt")).toEqual(body);
  });

  it("takes a 51 MiB multipart stream from the minio client byte for byte", async () => {
    const { endpoint, accessKeyId, secretAccessKey, region } = sandbox.s3;
    const url = new URL(endpoint);
    const client = new Minio.Client({
      endPoint: url.hostname,
      port: Number(url.port),
      useSSL: false,
      accessKey: accessKeyId,
      secretKey: secretAccessKey,
      region,
      partSize: 16 * MiB,
    });
    const body = randomBytes(51 * MiB + 7);
    const info = await client.putObject(sandbox.s3.bucket, "minio/big.bin", Readable.from([body.subarray(0, 20 * MiB), body.subarray(20 * MiB)]), body.length);
    expect(info.etag).toMatch(/^[0-9a-f]{32}-[2-9]$/);
    expect(await storedSha256("minio/big.bin")).toBe(sha256(body));
    const stat = await client.statObject(sandbox.s3.bucket, "minio/big.bin");
    expect(stat.size).toBe(body.length);
  });

  it("lists parts and aborts an upload; a completed or aborted upload is gone", async () => {
    const Bucket = sandbox.s3.bucket;
    const Key = "parts/listed.bin";
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const part = randomBytes(1000);
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: part }));
    const listed = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
    expect(listed.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([[2, ETag, 1000]]);
    await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
    await expect(s3.send(new ListPartsCommand({ Bucket, Key, UploadId }))).rejects.toMatchObject({ name: "NoSuchUpload" });
  });

  it("reports a failure after CompleteMultipartUpload's 200 status in the body, which the SDK reads as an error", async () => {
    const Body = randomBytes(6 * MiB);
    const params = { Bucket: sandbox.s3.bucket, Key: "lib-storage/fails.bin", Body };
    // Once: the SDK sees the <Error> in the 200 body and retries the complete call, which then succeeds.
    sandbox.faults.arm(S3_COMPLETE_AFTER_200_KEY, { kind: "fail", times: 1, status: 500, code: "InternalError", message: "assembly failed" });
    const retried = await new Upload({ client: s3, params, partSize: 5 * MiB }).done();
    expect(retried.$metadata.attempts).toBe(2);
    expect(await storedSha256("lib-storage/fails.bin")).toBe(sha256(Body));
    // Every attempt: the upload fails with the code from the body.
    sandbox.faults.arm(S3_COMPLETE_AFTER_200_KEY, { kind: "fail", times: 3, status: 500, code: "InternalError", message: "assembly failed" });
    await expect(new Upload({ client: s3, params: { ...params, Key: "lib-storage/fails-twice.bin" }, partSize: 5 * MiB }).done()).rejects.toMatchObject({ name: "InternalError" });
    expect(sandbox.objects.get(sandbox.s3.bucket, "lib-storage/fails-twice.bin")).toBeUndefined();
  });
});

describe("the sandbox S3 endpoint refuses what S3 refuses", () => {
  async function signedPut(tamper: (headers: Headers, url: URL) => void) {
    const body = Buffer.from("signed body");
    let captured: { url: URL; headers: Headers } | undefined;
    // Sign with the real SDK, capture the request it would send, tamper with it and send it ourselves.
    const capture = new S3Client({
      endpoint: sandbox.s3.endpoint,
      region: sandbox.s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: sandbox.s3.accessKeyId, secretAccessKey: sandbox.s3.secretAccessKey },
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    capture.middlewareStack.add(
      () => async (args) => {
        const request = args.request as { protocol: string; hostname: string; port?: number; path: string; query: Record<string, string>; headers: Record<string, string> };
        const url = new URL(`${request.protocol}//${request.hostname}:${request.port}${request.path}`);
        for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
        captured = { url, headers: new Headers(request.headers) };
        throw new Error("captured");
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await capture.send(new (await import("@aws-sdk/client-s3")).PutObjectCommand({ Bucket: sandbox.s3.bucket, Key: "tamper/x.txt", Body: body })).catch(() => undefined);
    capture.destroy();
    const { url, headers } = captured!;
    tamper(headers, url);
    headers.delete("host");
    headers.delete("content-length");
    const response = await fetch(url, { method: "PUT", headers, body });
    return { status: response.status, text: await response.text() };
  }

  it("accepts the untampered request", async () => {
    expect((await signedPut(() => undefined)).status).toBe(200);
  });

  it("refuses a changed signature, key, signed header, payload hash and a stale date", async () => {
    const flipped = (s: string) => s.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === "a" ? "b" : "a"}`);
    expect(await signedPut((h) => h.set("authorization", flipped(h.get("authorization")!)))).toMatchObject({
      status: 403,
      text: expect.stringContaining("<Code>SignatureDoesNotMatch</Code>"),
    });
    expect(await signedPut((_, url) => (url.pathname += "y"))).toMatchObject({ status: 403, text: expect.stringContaining("<Code>SignatureDoesNotMatch</Code>") });
    expect(
      await signedPut((h) =>
        h.set(
          "x-amz-date",
          h.get("x-amz-date")!.replace(/\dZ$/, (d) => `${(Number(d[0]) + 1) % 10}Z`),
        ),
      ),
    ).toMatchObject({ status: 403 });
    expect(await signedPut((h) => h.set("x-amz-content-sha256", "0".repeat(64)))).toMatchObject({
      status: 403,
      text: expect.stringContaining("<Code>SignatureDoesNotMatch</Code>"),
    });
    expect(await signedPut((h) => h.set("authorization", h.get("authorization")!.replace(/Credential=[A-Z0-9]+/, "Credential=AKIAOTHER")))).toMatchObject({
      status: 403,
      text: expect.stringContaining("<Code>InvalidAccessKeyId</Code>"),
    });
    expect(await signedPut((h) => h.delete("authorization"))).toMatchObject({ status: 403, text: expect.stringContaining("<Code>AccessDenied</Code>") });
    sandbox.setClockSkew(16 * 60 * 1000);
    try {
      expect(await signedPut(() => undefined)).toMatchObject({ status: 403, text: expect.stringContaining("<Code>RequestTimeTooSkewed</Code>") });
    } finally {
      sandbox.setClockSkew(0);
    }
    expect(sandbox.objects.get(sandbox.s3.bucket, "tamper/x.txt")?.size).toBe(11);
  });
});
