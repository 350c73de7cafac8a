import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import OSS from "ali-oss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponseContract, recordResponse } from "../../contract.js";
import { startSandbox, type Sandbox } from "../../sandbox.js";
import { createHbrVendor } from "./index.js";

// A CommonJS module with `exports.default`: require it so ESM interop cannot shift the default export.
const OpenApiUtil = (createRequire(import.meta.url)("@alicloud/openapi-util") as typeof import("@alicloud/openapi-util")).default;
const OSS_KEYS = { accessKeyId: "LTAIsandboxOssKey", accessKeySecret: "sandboxOssSecret0001" };
const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

let sandbox: Sandbox;
let info: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ vendors: [createHbrVendor({ oss: OSS_KEYS })] });
  info = sandbox.vendors.hbr as Record<string, string>;
});
afterAll(() => sandbox.stop());

interface Signed {
  url: string;
  headers: Record<string, string>;
}

/** Builds the request the darabonba SDK sends, signed by @alicloud/openapi-util (the independent oracle). */
function signedRequest(fileName: string, overrides: { date?: string; nonce?: string; secret?: string; action?: string; accessKeyId?: string } = {}): Signed {
  const url = new URL(`${info["baseUrl"]}?FileName=${encodeURIComponent(fileName)}`);
  const headers: Record<string, string> = {
    host: url.host,
    "x-acs-action": overrides.action ?? "CreateTempFileUploadUrl",
    "x-acs-version": "2017-09-08",
    "x-acs-date": overrides.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": overrides.nonce ?? randomUUID(),
    "x-acs-content-sha256": EMPTY_SHA256,
  };
  const request = { method: "POST", pathname: url.pathname, query: { FileName: fileName }, headers };
  headers["Authorization"] = OpenApiUtil.getAuthorization(
    request as never,
    "ACS3-HMAC-SHA256",
    EMPTY_SHA256,
    overrides.accessKeyId ?? (info["accessKeyId"] as string),
    overrides.secret ?? (info["accessKeySecret"] as string),
  );
  return { url: url.toString(), headers };
}

async function send({ url, headers }: Signed) {
  const { host: _host, ...rest } = headers;
  const recorded = await recordResponse(await fetch(url, { method: "POST", headers: rest }));
  expect(checkResponseContract("hbr", "createTempFileUploadUrl", recorded)).toEqual([]);
  return recorded as { status: number; body: Record<string, string | number | boolean> };
}

function postForm(fields: Record<string, string>, file: string, fileField = "file", after: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(fileField, new Blob([file]));
  for (const [name, value] of Object.entries(after)) form.append(name, value);
  return fetch(`${info["ossEndpoint"]}/hbr-temp-bucket`, { method: "POST", body: form });
}

async function expectOssError(response: Response, status: number, code: string, message?: string, ec?: string) {
  const text = await response.text();
  expect(response.status).toBe(status);
  expect(text).toContain(`<Code>${code}</Code>`);
  if (message) expect(text).toContain(`<Message>${message}</Message>`);
  if (ec) {
    expect(response.headers.get("x-oss-ec")).toBe(ec);
    expect(text).toContain(`<EC>${ec}</EC>`);
  }
}

function formFor(body: Record<string, string | number | boolean>): Record<string, string> {
  return { key: body["TempFileKey"] as string, OSSAccessKeyId: body["OssAccessKeyId"] as string, policy: body["Policy"] as string, Signature: body["Signature"] as string };
}

describe("hbr CreateTempFileUploadUrl → OSS PostObject", () => {
  it("issues a form that uploads the file", async () => {
    const { status, body } = await send(signedRequest("file-list.txt"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      Success: true,
      Code: "200",
      Message: "successful",
      BucketName: "hbr-temp-bucket",
      Endpoint: new URL(sandbox.url).host,
      OssAccessKeyId: OSS_KEYS.accessKeyId,
    });
    expect(body["TempFileKey"]).toMatch(/^temp\/\d+\/upload\/\d{4}-\d\d-\d\d\/[0-9a-f-]{36}\/file-list\.txt$/);
    const policy = JSON.parse(Buffer.from(body["Policy"] as string, "base64").toString()) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toEqual([{ bucket: "hbr-temp-bucket" }, ["eq", "$key", body["TempFileKey"]], ["content-length-range", 0, 5 * 1024 ** 3]]);
    expect(Date.parse(policy.expiration) / 1000).toBe(body["ExpireTime"]);

    const content = "hbr file list\n".repeat(50);
    const response = await postForm({ ...formFor(body), success_action_status: "201" }, content);
    expect(response.status).toBe(201);
    const stored = sandbox.objects.get("hbr-temp-bucket", body["TempFileKey"] as string);
    expect(stored?.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    expect(await response.text()).toContain(`<Key>${body["TempFileKey"]}</Key><ETag>"${createHash("md5").update(content).digest("hex").toUpperCase()}"</ETag>`);
    expect((await postForm(formFor(body), content)).status).toBe(204);
  });

  it("rejects bad ACS3 signatures, stale dates, reused nonces and missing parameters", async () => {
    const wrongSecret = await send(signedRequest("a.txt", { secret: "not-the-secret" }));
    expect([wrongSecret.status, wrongSecret.body["Code"]]).toEqual([400, "SignatureDoesNotMatch"]);
    expect(wrongSecret.body).toHaveProperty("HostId");
    const tampered = signedRequest("a.txt");
    tampered.url = tampered.url.replace("a.txt", "b.txt");
    expect((await send(tampered)).body["Code"]).toBe("SignatureDoesNotMatch");
    const stale = await send(signedRequest("a.txt", { date: new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z") }));
    expect(stale.body["Code"]).toBe("InvalidTimeStamp.Expired");
    const once = signedRequest("a.txt", { nonce: "nonce-1" });
    expect((await send(once)).status).toBe(200);
    expect((await send(signedRequest("a.txt", { nonce: "nonce-1" }))).body["Code"]).toBe("SignatureNonceUsed");
    expect((await send(signedRequest(""))).body["Code"]).toBe("MissingParameter");
    expect((await send(signedRequest("a.txt", { action: "DescribeVaults" }))).body["Code"]).toBe("InvalidAction.NotFound");
    const unknownKey = await send(signedRequest("a.txt", { accessKeyId: "LTAInobody" }));
    expect([unknownKey.status, unknownKey.body["Code"]]).toEqual([404, "InvalidAccessKeyId.NotFound"]);
    expect((await send(signedRequest("a.txt", { date: "2026-01-01 00:00:00" }))).body["Code"]).toBe("InvalidTimeStamp.Format");
    expect((await send(signedRequest("../../x"))).body["Code"]).toBe("InvalidParameter");
    expect((await send({ url: info["baseUrl"] as string, headers: {} })).body["Code"]).toBe("IncompleteSignature");
  });
});

describe("OSS PostObject verification", () => {
  async function issued() {
    return formFor((await send(signedRequest("data.bin"))).body);
  }
  const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);

  it("accepts a form signed by ali-oss and rejects tampered copies", async () => {
    const client = new OSS({ ...OSS_KEYS, bucket: "hbr-temp-bucket", region: "oss-cn-hangzhou" });
    const policy = {
      expiration: new Date(Date.now() + 60_000).toISOString(),
      conditions: [{ bucket: "hbr-temp-bucket" }, ["starts-with", "$key", "user/"], ["content-length-range", 1, 10]],
    };
    const signed = client.calculatePostSignature(policy);
    const fields = { key: "user/a.txt", OSSAccessKeyId: signed.OSSAccessKeyId, policy: signed.policy, Signature: signed.Signature };
    expect((await postForm(fields, "12345")).status).toBe(204);
    await expectOssError(
      await postForm({ ...fields, Signature: flip(signed.Signature) }, "12345"),
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      "0002-00000705",
    );
    await expectOssError(await postForm({ ...fields, policy: flip(signed.policy) }, "12345"), 403, "SignatureDoesNotMatch", undefined, "0002-00000705");
    await expectOssError(
      await postForm({ ...fields, key: "other/a.txt" }, "12345"),
      403,
      "AccessDenied",
      'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/"]',
      "0006-00000227",
    );
    await expectOssError(await postForm(fields, "12345678901"), 400, "EntityTooLarge", undefined, "0006-00000003");
    await expectOssError(await postForm(fields, ""), 400, "EntityTooSmall", undefined, "0006-00000004");
    const expired = client.calculatePostSignature({ ...policy, expiration: new Date(Date.now() - 1000).toISOString() });
    await expectOssError(
      await postForm({ ...fields, policy: expired.policy, Signature: expired.Signature }, "12345"),
      403,
      "AccessDenied",
      "Invalid according to Policy: Policy expired.",
    );
  });

  it("enforces the issued form: key, signature field, field order and access key", async () => {
    const fields = await issued();
    await expectOssError(await postForm({ ...fields, key: `${fields["key"]}.x` }, "x"), 403, "AccessDenied");
    await expectOssError(await postForm({ ...fields, Signature: "" }, "x"), 403, "AccessDenied", undefined, "0002-00000704");
    await expectOssError(await postForm({ ...fields, OSSAccessKeyId: "LTAIother" }, "x"), 403, "InvalidAccessKeyId");
    await expectOssError(await postForm(fields, "x", "file", { "x-oss-meta-late": "1" }), 400, "InvalidArgument");
    expect(sandbox.objects.get("hbr-temp-bucket", fields["key"] as string)).toBeUndefined();
    const lower = {
      key: fields["key"] as string,
      ossaccesskeyid: fields["OSSAccessKeyId"] as string,
      Policy: fields["policy"] as string,
      signature: fields["Signature"] as string,
      success_action_status: "200",
    };
    expect((await postForm(lower, "case-insensitive names")).status).toBe(200);
  });
});
