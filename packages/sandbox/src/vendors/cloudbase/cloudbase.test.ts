import { createHash } from "node:crypto";
import COS from "cos-nodejs-sdk-v5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponseContract, recordResponse } from "../../contract.js";
import { startSandbox, type Sandbox } from "../../sandbox.js";
import { createCloudbaseVendor } from "./index.js";

const COS_KEYS = { secretId: "AKIDsandboxTestKey0001", secretKey: "sandboxTestSecretKey0001" };

let sandbox: Sandbox;
let info: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ vendors: [createCloudbaseVendor({ cos: COS_KEYS })] });
  info = sandbox.vendors.cloudbase as Record<string, string>;
});
afterAll(() => sandbox.stop());

type Operation = "get-objects-upload-info" | "get-objects-download-info" | "delete-objects";
const OPERATION_IDS = { "get-objects-upload-info": "getObjectsUploadInfo", "get-objects-download-info": "getObjectsDownloadInfo", "delete-objects": "deleteObjects" } as const;

async function call(operation: Operation, body: unknown, authorization: string | null = `Bearer ${info["token"]}`) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (authorization !== null) headers["Authorization"] = authorization;
  const response = await fetch(`${info["baseUrl"]}/v1/storages/${operation}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  const recorded = await recordResponse(response);
  expect(response.headers.get("x-request-id")).toBeTruthy();
  expect(checkResponseContract("cloudbase", OPERATION_IDS[operation], recorded)).toEqual([]);
  return recorded;
}

async function uploadInfo(objectId: string, extra: Record<string, unknown> = {}) {
  const { body } = await call("get-objects-upload-info", [{ objectId, ...extra }]);
  return (body as Array<Record<string, string>>)[0] as Record<string, string>;
}

function put(item: Record<string, string>, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) {
  return fetch(item["uploadUrl"] as string, {
    method: "PUT",
    headers: {
      Authorization: item["authorization"] as string,
      "X-Cos-Security-Token": item["token"] as string,
      "X-Cos-Meta-Fileid": item["cloudObjectMeta"] as string,
      ...headers,
    },
    body,
  });
}

async function expectCosError(response: Response, status: number, code: string, message?: string) {
  const text = await response.text();
  expect(response.status).toBe(status);
  expect(response.headers.get("x-cos-request-id")).toBeTruthy();
  expect(text).toMatch(
    new RegExp(`^<\\?xml[^>]+>\\n<Error><Code>${code}</Code><Message>[^<]*</Message><Resource>[^<]*</Resource><RequestId>[^<]+</RequestId><TraceId>[^<]+</TraceId></Error>$`),
  );
  if (message) expect(text).toContain(`<Message>${message}</Message>`);
}

describe("cloudbase upload-info → COS PUT → download-info", () => {
  it("uploads the bytes and serves them back", async () => {
    const content = "cloudbase bytes ".repeat(100);
    const item = await uploadInfo("dir/photo one.jpg");
    expect(item["cloudObjectId"]).toBe(`cloud://${info["envId"]}.${info["bucket"]}/dir/photo one.jpg`);
    expect(item["uploadUrl"]).toBe(`${sandbox.url}/storage/cos/${info["bucket"]}/dir/photo%20one.jpg`);
    expect(item["authorization"]).toMatch(
      /^q-sign-algorithm=sha1&q-ak=AKID\w+&q-sign-time=\d+;\d+&q-key-time=\d+;\d+&q-header-list=host;x-cos-meta-fileid;x-cos-security-token&q-url-param-list=&q-signature=[0-9a-f]{40}$/,
    );
    const response = await put(item, content);
    expect(response.status).toBe(200);
    const stored = sandbox.objects.get(info["bucket"] as string, "dir/photo one.jpg");
    expect(response.headers.get("etag")).toBe(`"${stored?.md5}"`);
    expect(stored?.sha256).toBe(createHash("sha256").update(content).digest("hex"));

    const { body } = await call("get-objects-download-info", [{ cloudObjectId: item["cloudObjectId"] }, { cloudObjectId: "cloud://other.env/x" }]);
    const [found, invalid] = body as Array<Record<string, string>>;
    expect(invalid).toEqual({ code: "INVALID_PARAM", message: "Invalid request param." });
    expect(await (await fetch(found?.["downloadUrlEncoded"] as string)).text()).toBe(content);

    const deleted = await call("delete-objects", [{ cloudObjectId: item["cloudObjectId"] }, { cloudObjectId: item["cloudObjectId"] }]);
    expect(deleted.body).toEqual([
      { cloudObjectId: item["cloudObjectId"] },
      { cloudObjectId: item["cloudObjectId"], code: "OBJECT_NOT_EXIST", message: "Storage object not exists." },
    ]);
    const gone = await call("get-objects-download-info", [{ cloudObjectId: item["cloudObjectId"] }]);
    expect(gone.body).toEqual([{ code: "OBJECT_NOT_EXIST", message: "Storage object not exists." }]);
  });

  it("signs signedHeader values into the authorization", async () => {
    const item = await uploadInfo("typed.txt", { signedHeader: { "content-type": ["text/plain"] } });
    expect(item["authorization"]).toContain("q-header-list=content-type;host;x-cos-meta-fileid;x-cos-security-token");
    await expectCosError(await put(item, "x", { "Content-Type": "text/html" }), 403, "SignatureDoesNotMatch");
    expect((await put(item, "x", { "Content-Type": "text/plain" })).status).toBe(200);
  });
});

describe("cloudbase API errors", () => {
  it("answers gateway errors for credentials and malformed bodies", async () => {
    expect((await call("get-objects-upload-info", [{ objectId: "a" }], null)).body).toMatchObject({ code: "MISSING_CREDENTIALS" });
    const bad = await call("get-objects-upload-info", [{ objectId: "a" }], "Bearer nope");
    expect([bad.status, (bad.body as { code: string }).code]).toEqual([401, "INVALID_CREDENTIALS"]);
    expect((await call("get-objects-upload-info", [{ objectId: "a" }], "Basic abc")).body).toMatchObject({ code: "INVALID_ACCESS_TOKEN" });
    expect((await call("get-objects-upload-info", "{not json")).body).toMatchObject({ code: "BAD_REQUEST" });
    expect((await call("get-objects-upload-info", { objectId: "a" })).body).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers per-item INVALID_PARAM for invalid and traversing object ids", async () => {
    const { body } = await call("get-objects-upload-info", [{ objectId: "" }, { objectId: "../escape" }, { objectId: "a/%2e%2e/%2e%2e/b" }, { objectId: "ok.txt" }]);
    const items = body as Array<Record<string, string>>;
    expect(items.slice(0, 3)).toEqual(Array(3).fill({ code: "INVALID_PARAM", message: "Invalid request param." }));
    expect(items[3]?.["objectId"]).toBe("ok.txt");
  });
});

describe("COS PUT verification", () => {
  const flip = (s: string) => s.slice(0, -1) + (s.endsWith("0") ? "1" : "0");

  it("accepts a PUT signed independently by cos-nodejs-sdk-v5 and rejects tampered copies", async () => {
    const item = await uploadInfo("sdk/signed.bin");
    const start = Math.floor(Date.now() / 1000) - 5;
    const host = new URL(sandbox.url).host;
    const keys = COS_KEYS;
    const headers = { host, "x-cos-meta-fileid": item["cloudObjectMeta"] as string, "x-cos-security-token": item["token"] as string };
    const sign = (keyTime: string, pathname = "/sdk/signed.bin", secretKey = keys.secretKey) =>
      COS.getAuthorization({ SecretId: keys.secretId, SecretKey: secretKey, Method: "PUT", Pathname: pathname, Headers: headers, KeyTime: keyTime });
    const good = sign(`${start};${start + 600}`);
    expect((await put(item, "sdk", { Authorization: good })).status).toBe(200);
    await expectCosError(await put(item, "sdk", { Authorization: good.replace(/q-signature=(\w+)/, (_m, s: string) => `q-signature=${flip(s)}`) }), 403, "SignatureDoesNotMatch");
    await expectCosError(await put(item, "sdk", { Authorization: sign(`${start};${start + 600}`, "/sdk/other.bin") }), 403, "SignatureDoesNotMatch");
    await expectCosError(await put(item, "sdk", { Authorization: sign(`${start - 900};${start - 300}`) }), 403, "AccessDenied", "Request has expired");
    await expectCosError(await put(item, "sdk", { Authorization: good.replace(/q-ak=\w+/, "q-ak=AKIDnobody") }), 403, "InvalidAccessKeyId");
    const withQuery = COS.getAuthorization({
      SecretId: keys.secretId,
      SecretKey: keys.secretKey,
      Method: "PUT",
      Pathname: "/sdk/signed.bin",
      Headers: headers,
      Query: { "x-trace": "a b" },
      KeyTime: `${start};${start + 600}`,
    });
    expect(withQuery).toContain("q-url-param-list=x-trace");
    const queryItem = { ...item, uploadUrl: `${item["uploadUrl"]}?x-trace=a%20b` };
    expect((await put(queryItem, "sdk", { Authorization: withQuery })).status).toBe(200);
    await expectCosError(await put(item, "sdk", { Authorization: withQuery }), 403, "SignatureDoesNotMatch");
  });

  it("requires the issued token and meta and every named header", async () => {
    const item = await uploadInfo("strict.bin");
    await expectCosError(await put(item, "x", { "X-Cos-Security-Token": "other" }), 403, "SignatureDoesNotMatch");
    await expectCosError(
      await fetch(item["uploadUrl"] as string, {
        method: "PUT",
        headers: { Authorization: item["authorization"] as string, "X-Cos-Security-Token": item["token"] as string },
        body: "x",
      }),
      403,
      "SignatureDoesNotMatch",
    );
    await expectCosError(await fetch(item["uploadUrl"] as string, { method: "PUT", body: "x" }), 403, "AccessDenied", "Access Denied.");
    await expectCosError(await put(item, "x", { "Content-MD5": "AAAAAAAAAAAAAAAAAAAAAA==" }), 400, "BadDigest");
    expect(sandbox.objects.get(info["bucket"] as string, "strict.bin")).toBeUndefined();
  });

  it("expires the authorization with the clock", async () => {
    const item = await uploadInfo("late.bin");
    sandbox.setClockSkew(901_000);
    try {
      await expectCosError(await put(item, "x"), 403, "AccessDenied", "Request has expired");
    } finally {
      sandbox.setClockSkew(0);
    }
  });
});
