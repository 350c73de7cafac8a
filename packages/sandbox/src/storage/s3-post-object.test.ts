import { createHash } from "node:crypto";
import { S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox.js";
import type { VendorDescriptor } from "../types.js";
import { s3PostObjectRoute } from "./s3-post-object.js";

const CREDENTIALS = { accessKeyId: "SANDBOXMINIOKEY", secretAccessKey: "sandbox-minio-secret", region: "us-east-1" };

/** A MinIO-like bucket with a known key, so @aws-sdk/s3-presigned-post can sign forms independently. */
const minioOnly: VendorDescriptor = {
  name: "openim",
  start: (ctx) => ({
    routes: [s3PostObjectRoute(ctx, { vendor: "openim", key: "test.minio-post", path: "/storage/minio/:bucket", credentials: CREDENTIALS, buckets: ["uploads"] })],
    info: () => ({ baseUrl: ctx.baseUrl() }),
  }),
};

let sandbox: Sandbox;
let client: S3Client;

beforeAll(async () => {
  sandbox = await startSandbox({ vendors: [minioOnly] });
  client = new S3Client({ region: CREDENTIALS.region, endpoint: `${sandbox.url}/storage/minio`, forcePathStyle: true, credentials: CREDENTIALS });
});
afterAll(() => sandbox.stop());

function post(url: string, fields: Record<string, string>, file: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([file]));
  return fetch(url, { method: "POST", body: form });
}

async function expectS3Error(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status).toBe(status);
  expect(response.headers.get("x-amz-request-id")).toBeTruthy();
  expect(text).toMatch(new RegExp(`^<\\?xml[^>]+>\\n<Error><Code>${code}</Code><Message>[^<]+</Message>`));
}

describe("S3 POST policy signed by @aws-sdk/s3-presigned-post", () => {
  it("accepts the SDK's form and stores the bytes", async () => {
    const { url, fields } = await createPresignedPost(client, {
      Bucket: "uploads",
      Key: "sdk/a.txt",
      Conditions: [["content-length-range", 1, 100]],
      Fields: { success_action_status: "201" },
      Expires: 60,
    });
    expect(url).toBe(`${sandbox.url}/storage/minio/uploads`);
    const response = await post(url, fields, "signed by the aws sdk");
    expect(response.status).toBe(201);
    expect(await response.text()).toContain("<Key>sdk/a.txt</Key>");
    expect(sandbox.objects.get("uploads", "sdk/a.txt")?.sha256).toBe(createHash("sha256").update("signed by the aws sdk").digest("hex"));
  });

  it("rejects tampered signature, policy, key and expiry", async () => {
    const { url, fields } = await createPresignedPost(client, { Bucket: "uploads", Key: "sdk/b.txt", Expires: 60 });
    const flip = (s: string) => (s.startsWith("a") ? "b" : "a") + s.slice(1);
    await expectS3Error(await post(url, { ...fields, "X-Amz-Signature": flip(fields["X-Amz-Signature"] as string) }, "x"), 403, "SignatureDoesNotMatch");
    await expectS3Error(await post(url, { ...fields, Policy: flip(fields["Policy"] as string) }, "x"), 403, "SignatureDoesNotMatch");
    await expectS3Error(await post(url, { ...fields, key: "sdk/c.txt" }, "x"), 403, "AccessDenied");
    const expired = await createPresignedPost(client, { Bucket: "uploads", Key: "sdk/b.txt", Expires: -5 });
    await expectS3Error(await post(url, expired.fields, "x"), 403, "AccessDenied");
    const otherKey = new S3Client({
      region: "us-east-1",
      endpoint: `${sandbox.url}/storage/minio`,
      forcePathStyle: true,
      credentials: { accessKeyId: "NOBODY", secretAccessKey: "x" },
    });
    await expectS3Error(await post(url, (await createPresignedPost(otherKey, { Bucket: "uploads", Key: "sdk/b.txt" })).fields, "x"), 403, "InvalidAccessKeyId");
    await expectS3Error(await post(`${sandbox.url}/storage/minio/other`, fields, "x"), 404, "NoSuchBucket");
    expect(sandbox.objects.list().map((o) => o.key)).not.toContain("sdk/b.txt");
  });

  it("rejects a form that is not multipart", async () => {
    await expectS3Error(await fetch(`${sandbox.url}/storage/minio/uploads`, { method: "POST", body: "plain" }), 400, "MalformedPOSTRequest");
  });
});
