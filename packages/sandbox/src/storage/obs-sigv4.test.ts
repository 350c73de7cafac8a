import { S3Client, UploadPartCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { describe, expect, it } from "vitest";
import { HASH_CTX_PARAM } from "./obs-hash-ctx.js";
import { presignObsPartUrl, verifyObsPresignedRequest, type ObsCredentials } from "./obs-sigv4.js";

const credentials: ObsCredentials = { accessKeyId: "SANDBOXKEY0123456789", secretAccessKey: "sandbox-secret-0123456789abcdef", region: "sandbox-1" };
const origin = "http://127.0.0.1:41234";
const now = Date.UTC(2026, 10, 22, 8, 0, 0);
const size = 5 * 1024 * 1024;

function partUrl(): URL {
  const url = new URL(`${origin}/storage/obs/bucket-a/files/obj-1`);
  url.searchParams.set("partNumber", "2");
  url.searchParams.set("uploadId", "UPLOAD1");
  url.searchParams.set(HASH_CTX_PARAM, "eyJtZF9sZW4iOjMyfQ==");
  return url;
}

async function verify(url: string, contentLength = size, at = now) {
  const parsed = new URL(url);
  return verifyObsPresignedRequest({ credentials, method: "PUT", url: parsed, headers: { host: parsed.host, "content-length": String(contentLength) }, now: at });
}

/** The AWS SDK's own presigner, an independent SigV4 implementation, with the context hoisted into the query. */
async function awsPresign(creds = credentials): Promise<string> {
  const client = new S3Client({
    endpoint: `${origin}/storage/obs`,
    forcePathStyle: true,
    region: creds.region,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  const command = new UploadPartCommand({ Bucket: "bucket-a", Key: "files/obj-1", PartNumber: 2, UploadId: "UPLOAD1", ContentLength: size });
  command.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers[HASH_CTX_PARAM] = "eyJtZF9sZW4iOjMyfQ==";
      return next(args);
    },
    { step: "build", name: "addHashCtx" },
  );
  return getSignedUrl(client, command, { expiresIn: 3600, signingDate: new Date(now - 60_000) });
}

describe("OBS part URL signing", () => {
  it("lays the URL out like the seed and accepts it", async () => {
    const url = await presignObsPartUrl({ credentials, url: partUrl(), contentLength: size, signingDate: new Date(now), expiresIn: 3600 });
    expect([...new URL(url).searchParams.keys()]).toEqual([
      "partNumber",
      "uploadId",
      "X-Amz-Algorithm",
      "X-Amz-Date",
      "X-Amz-SignedHeaders",
      "X-Amz-Expires",
      "X-Amz-Credential",
      HASH_CTX_PARAM,
      "X-Amz-Signature",
    ]);
    expect(url).toContain("X-Amz-SignedHeaders=content-length%3Bhost");
    expect(url).toContain(`X-Amz-Credential=${credentials.accessKeyId}%2F20261122%2Fsandbox-1%2Fs3%2Faws4_request`);
    expect(await verify(url)).toBeUndefined();
  });

  it("accepts a URL presigned by @aws-sdk/s3-request-presigner with the context as a signed query parameter", async () => {
    const url = await awsPresign();
    expect(new URL(url).searchParams.get(HASH_CTX_PARAM)).toBe("eyJtZF9sZW4iOjMyfQ==");
    expect(new URL(url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;host");
    expect(await verify(url)).toBeUndefined();
  });

  it("rejects a tampered signature, context, expiry or key, and a different Content-Length", async () => {
    const url = await awsPresign();
    const tamper = (name: string, change: (v: string) => string) => {
      const u = new URL(url);
      u.searchParams.set(name, change(u.searchParams.get(name)!));
      return u.toString();
    };
    const flip = (v: string) => (v[0] === "a" ? "b" : "a") + v.slice(1);
    expect(await verify(tamper("X-Amz-Signature", flip))).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(await verify(tamper(HASH_CTX_PARAM, flip))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(await verify(tamper("X-Amz-Expires", () => "7200"))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(await verify(tamper("partNumber", () => "3"))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(await verify(url, size - 1)).toMatchObject({ code: "SignatureDoesNotMatch" });
    const otherKey = await awsPresign({ ...credentials, secretAccessKey: "another-secret" });
    expect(await verify(otherKey)).toMatchObject({ code: "SignatureDoesNotMatch" });
    const otherId = await awsPresign({ ...credentials, accessKeyId: "OTHERKEY" });
    expect(await verify(otherId)).toMatchObject({ status: 403, code: "InvalidAccessKeyId" });
    const otherRegion = await awsPresign({ ...credentials, region: "us-east-1" });
    expect(await verify(otherRegion)).toMatchObject({ status: 400, code: "AuthorizationQueryParametersError" });
  });

  it("answers AccessDenied 'Request has expired' once X-Amz-Expires has passed", async () => {
    const url = await presignObsPartUrl({ credentials, url: partUrl(), contentLength: size, signingDate: new Date(now), expiresIn: 3600 });
    expect(await verify(url, size, now + 3600_000)).toBeUndefined();
    expect(await verify(url, size, now + 3601_000)).toEqual({ status: 403, code: "AccessDenied", message: "Request has expired" });
  });
});
