import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponseContract, recordResponse } from "../../contract.js";
import { startSandbox, type Sandbox } from "../../sandbox.js";

let sandbox: Sandbox;
let info: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  info = sandbox.vendors.openim as Record<string, string>;
});
afterAll(() => sandbox.stop());

async function call(
  operation: "initiate_form_data" | "complete_form_data",
  body: unknown,
  headers: Record<string, string> = { token: info["token"] as string, operationID: "op-1" },
) {
  const response = await fetch(`${info["baseUrl"]}/object/${operation}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const recorded = await recordResponse(response);
  expect(checkResponseContract("openim", operation === "initiate_form_data" ? "initiateFormData" : "completeFormData", recorded)).toEqual([]);
  return recorded.body as { errCode: number; errMsg: string; errDlt: string; data?: Record<string, unknown> };
}

function formOf(data: Record<string, unknown>, file: Uint8Array<ArrayBuffer>, overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...(data["formData"] as Record<string, string>), ...overrides })) form.append(name, value);
  form.append(data["file"] as string, new Blob([file]));
  return form;
}

describe("openim form upload", () => {
  it("initiates, uploads through the MinIO POST policy and completes", async () => {
    const bytes = new TextEncoder().encode("hello openim form upload");
    const name = `${info["userId"]}/avatar.png`;
    const initiated = await call("initiate_form_data", { name, size: bytes.length, contentType: "image/png", group: "avatar" });
    expect(initiated.errCode).toBe(0);
    const data = initiated.data as Record<string, unknown>;
    expect(data).toMatchObject({ file: "file", header: null, successCodes: [200], url: `${sandbox.url}/storage/minio/openim` });
    const formData = data["formData"] as Record<string, string>;
    expect(formData["key"]).toMatch(new RegExp(`^openim/direct/\\d{8}/${info["userId"]}/[0-9a-f]{32}\\.png$`));
    expect(Object.keys(formData)).toEqual([
      "key",
      "bucket",
      "success_action_status",
      "Content-Type",
      "policy",
      "x-amz-algorithm",
      "x-amz-credential",
      "x-amz-date",
      "x-amz-signature",
    ]);
    const mate = JSON.parse(Buffer.from(data["id"] as string, "base64").toString()) as Record<string, unknown>;
    expect(mate).toEqual({ name, size: bytes.length, contentType: "image/png", group: "avatar", key: formData["key"] });

    const upload = await fetch(data["url"] as string, { method: "POST", body: formOf(data, bytes) });
    expect(upload.status).toBe(200);
    const stored = sandbox.objects.get("openim", formData["key"] as string);
    expect(stored?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(await sandbox.objects.bytes("openim", formData["key"] as string)).toEqual(Buffer.from(bytes));

    const completed = await call("complete_form_data", { id: data["id"] });
    expect(completed).toEqual({ errCode: 0, errMsg: "", errDlt: "", data: { url: `${info["baseUrl"]}/object/${name}` } });
  });

  it("checks headers and tokens like the gin middleware", async () => {
    const body = { name: `${info["userId"]}/a.txt`, size: 1 };
    expect(await call("initiate_form_data", body, { token: info["token"] as string })).toEqual({ errCode: 1001, errMsg: "ArgsError", errDlt: "header must have operationID" });
    expect(await call("initiate_form_data", body, { operationID: "x" })).toEqual({ errCode: 1001, errMsg: "ArgsError", errDlt: "header must have token" });
    expect((await call("initiate_form_data", body, { operationID: "x", token: "garbage" })).errCode).toBe(1503);
    expect((await call("initiate_form_data", body, { operationID: "x", token: "a.b.c" })).errCode).toBe(1507);
  });

  it("validates the body against the spec and the name prefix", async () => {
    expect(await call("initiate_form_data", { name: "", size: 1 })).toMatchObject({ errCode: 1001, errMsg: "ArgsError" });
    expect(await call("initiate_form_data", { name: `${info["userId"]}/a`, size: 0 })).toMatchObject({ errCode: 1001 });
    expect(await call("initiate_form_data", { name: "other/a.png", size: 5 })).toEqual({
      errCode: 1002,
      errMsg: "NoPermissionError",
      errDlt: `name must start with \`${info["userId"]}/\``,
    });
    const admin = await call("initiate_form_data", { name: "avatar.png", size: 5, absolute: true }, { token: info["adminToken"] as string, operationID: "x" });
    expect((admin.data?.["formData"] as Record<string, string> | undefined)?.["key"]).toBe("avatar.png");
    const traversal = await call("initiate_form_data", { name: "../../etc/passwd", size: 5, absolute: true }, { token: info["adminToken"] as string, operationID: "x" });
    expect(traversal).toMatchObject({ errCode: 1001, errMsg: "ArgsError" });
  });

  it("completes only an existing object of the declared size", async () => {
    expect(await call("complete_form_data", { id: "!!!" })).toEqual({ errCode: 1001, errMsg: "ArgsError", errDlt: "invalid id" });
    const initiated = await call("initiate_form_data", { name: `${info["userId"]}/b.bin`, size: 10 });
    const data = initiated.data as Record<string, unknown>;
    expect(await call("complete_form_data", { id: data["id"] })).toMatchObject({ errCode: 500, errMsg: "ServerInternalError" });
    expect((await fetch(data["url"] as string, { method: "POST", body: formOf(data, new Uint8Array(4)) })).status).toBe(200);
    expect(await call("complete_form_data", { id: data["id"] })).toEqual({ errCode: 90007, errMsg: "DataError", errDlt: "file size mismatch" });
  });
});

describe("MinIO POST policy enforcement", () => {
  async function initiate(size: number) {
    const initiated = await call("initiate_form_data", { name: `${info["userId"]}/p.bin`, size, contentType: "application/octet-stream" });
    return initiated.data as Record<string, unknown>;
  }
  async function rejected(form: FormData, status: number, code: string, message?: string) {
    const response = await fetch(`${sandbox.url}/storage/minio/openim`, { method: "POST", body: form });
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(text).toContain(`<Code>${code}</Code>`);
    if (message) expect(text).toContain(message);
  }

  it("rejects a tampered signature, policy, key, extra field and wrong size", async () => {
    const data = await initiate(8);
    const fields = data["formData"] as Record<string, string>;
    const flip = (s: string) => (s[0] === "a" ? "b" : "a") + s.slice(1);
    await rejected(formOf(data, new Uint8Array(8), { "x-amz-signature": flip(fields["x-amz-signature"] as string) }), 403, "SignatureDoesNotMatch");
    await rejected(formOf(data, new Uint8Array(8), { policy: `${fields["policy"]}e30` }), 403, "SignatureDoesNotMatch");
    await rejected(formOf(data, new Uint8Array(8), { key: `${fields["key"]}x` }), 403, "AccessDenied", 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"');
    await rejected(formOf(data, new Uint8Array(8), { "x-amz-meta-a": "1" }), 403, "AccessDenied", "Extra input fields: x-amz-meta-a");
    await rejected(formOf(data, new Uint8Array(9)), 400, "EntityTooLarge");
    expect(sandbox.objects.get("openim", fields["key"] as string)).toBeUndefined();
  });

  it("rejects an expired policy", async () => {
    const data = await initiate(8);
    sandbox.setClockSkew(11 * 60 * 1000);
    try {
      await rejected(formOf(data, new Uint8Array(8)), 403, "AccessDenied", "Policy expired.");
    } finally {
      sandbox.setClockSkew(0);
    }
  });
});
