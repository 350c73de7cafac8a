import OSS from "ali-oss";
import { describe, expect, it } from "vitest";
import { presignOssPartUrl, verifyOssPresignedRequest, type OssCredentials } from "./pds-oss-signature.js";

const credentials: OssCredentials = { accessKeyId: "LTAIsandbox0123", accessKeySecret: "sandbox-oss-secret-0123456789" };
const base = "http://127.0.0.1:41235";

function verify(url: string, now = Date.now(), contentType?: string) {
  const u = new URL(url);
  const [, , , bucket, ...key] = u.pathname.split("/");
  return verifyOssPresignedRequest({
    credentials,
    method: "PUT",
    bucket: bucket!,
    key: key.join("/"),
    query: u.searchParams,
    headers: contentType === undefined ? {} : { "content-type": contentType },
    now,
  });
}

/** ali-oss computes the signature (an independent implementation); its query is grafted onto the sandbox path. */
function aliSigned(creds = credentials, expires = 900): string {
  const client = new OSS({
    region: "oss-cn-sandbox",
    bucket: "pds-bucket",
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    endpoint: "http://oss-sandbox.test",
  });
  const signed = new URL(client.signatureUrl("files/obj-1", { method: "PUT", expires, subResource: { partNumber: 3, uploadId: "UP1" } }));
  return `${base}/storage/pds/pds-bucket/files/obj-1${signed.search}`;
}

describe("OSS V1 part URL signing", () => {
  it("accepts its own URLs, signed with and without a content type", () => {
    const expires = Math.floor(Date.now() / 1000) + 900;
    const url = presignOssPartUrl({ credentials, baseUrl: base, bucket: "pds-bucket", key: "files/obj-1", partNumber: 3, uploadId: "UP1", expires });
    expect([...new URL(url).searchParams.keys()]).toEqual(["partNumber", "uploadId", "OSSAccessKeyId", "Expires", "Signature"]);
    expect(verify(url)).toBeUndefined();
    const typed = presignOssPartUrl({ credentials, baseUrl: base, bucket: "pds-bucket", key: "files/obj-1", partNumber: 3, uploadId: "UP1", expires, contentType: "video/mp4" });
    expect(verify(typed, Date.now(), "video/mp4")).toBeUndefined();
    expect(verify(typed, Date.now(), "text/plain")).toMatchObject({ code: "SignatureDoesNotMatch" });
  });

  it("accepts a URL signed by ali-oss signatureUrl", () => {
    expect(verify(aliSigned())).toBeUndefined();
  });

  it("rejects a tampered signature, key, expiry or part number", () => {
    const url = aliSigned();
    const tamper = (name: string, change: (v: string) => string) => {
      const u = new URL(url);
      u.searchParams.set(name, change(u.searchParams.get(name)!));
      return u.toString();
    };
    expect(verify(tamper("Signature", (v) => (v[0] === "A" ? "B" : "A") + v.slice(1)))).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(verify(tamper("Expires", (v) => String(Number(v) + 1)))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(verify(tamper("partNumber", () => "4"))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(verify(url.replace("/files/obj-1", "/files/obj-2"))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(verify(aliSigned({ ...credentials, accessKeySecret: "other" }))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(verify(aliSigned({ ...credentials, accessKeyId: "LTAIother" }))).toMatchObject({ code: "InvalidAccessKeyId" });
  });

  it("answers AccessDenied 'Request has expired.' after Expires", () => {
    const url = aliSigned(credentials, 60);
    expect(verify(url, Date.now() + 120_000)).toEqual({ status: 403, code: "AccessDenied", message: "Request has expired." });
  });
});
