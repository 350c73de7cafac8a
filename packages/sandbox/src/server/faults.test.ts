import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponseContract, recordResponse } from "../contract.js";
import { startSandbox, type Sandbox } from "../sandbox.js";

let sandbox: Sandbox;
let cloudbase: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ faults: { "cloudbase.delete-objects": { kind: "fail", times: 1, status: 503, code: "SERVICE_FORBIDDEN", message: "pre-armed" } } });
  cloudbase = sandbox.vendors.cloudbase as Record<string, string>;
});
afterAll(() => sandbox.stop());

function uploadInfo(objectId: string) {
  return fetch(`${cloudbase["baseUrl"]}/v1/storages/get-objects-upload-info`, {
    method: "POST",
    headers: { Authorization: `Bearer ${cloudbase["token"]}`, "Content-Type": "application/json" },
    body: JSON.stringify([{ objectId }]),
  });
}

async function issue(objectId: string): Promise<Record<string, string>> {
  const [item] = (await (await uploadInfo(objectId)).json()) as Array<Record<string, string>>;
  return item as Record<string, string>;
}

function put(item: Record<string, string>, body: string) {
  return fetch(item["uploadUrl"] as string, {
    method: "PUT",
    headers: { Authorization: item["authorization"] as string, "x-cos-security-token": item["token"] as string, "x-cos-meta-fileid": item["cloudObjectMeta"] as string },
    body,
  });
}

/** Sends a PUT with a fixed body over node:http and reports how the connection ended. */
function rawPut(url: string, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { method: "PUT", headers: { "Content-Length": String(body.length) } }, (res) => resolve(`status ${res.statusCode}`));
    req.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end(body);
  });
}

describe("fault injection", () => {
  it("fails the next N requests with the vendor's error shape and Retry-After", async () => {
    const preArmed = await fetch(`${cloudbase["baseUrl"]}/v1/storages/delete-objects`, { method: "POST", headers: { Authorization: `Bearer ${cloudbase["token"]}` }, body: "[]" });
    expect(await preArmed.json()).toMatchObject({ code: "SERVICE_FORBIDDEN", message: "pre-armed" });
    sandbox.faults.arm("cloudbase.get-objects-upload-info", { kind: "fail", times: 2, status: 503, code: "ENV_ABNORMAL", message: "try later", retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const response = await uploadInfo("a.txt");
      expect(response.headers.get("retry-after")).toBe("3");
      const recorded = await recordResponse(response);
      expect(recorded).toMatchObject({ status: 503, body: { code: "ENV_ABNORMAL", message: "try later" } });
      expect(checkResponseContract("cloudbase", "getObjectsUploadInfo", recorded)).toEqual([]);
    }
    expect((await uploadInfo("a.txt")).status).toBe(200);
    expect(sandbox.faults.hits("cloudbase.get-objects-upload-info")).toBe(3);
  });

  it("sends injected API failures in each vendor's documented error shape", async () => {
    const openim = sandbox.vendors.openim as Record<string, string>;
    const hbr = sandbox.vendors.hbr as Record<string, string>;
    sandbox.faults.arm("openim.initiate_form_data", [
      { kind: "fail", times: 1, status: 200, code: "500", message: "redis unavailable" },
      { kind: "fail", times: 1, status: 429, code: "TooManyRequests", message: "proxy rate limit" },
    ]);
    sandbox.faults.arm("hbr.create-temp-file-upload-url", {
      kind: "fail",
      times: 1,
      status: 503,
      code: "ServiceUnavailable",
      message: "The request has failed due to a temporary failure of the server.",
    });
    const openimCall = () =>
      fetch(`${openim["baseUrl"]}/object/initiate_form_data`, { method: "POST", headers: { token: openim["token"] as string, operationID: "1" }, body: "{}" });
    const envelope = await recordResponse(await openimCall());
    expect(envelope).toMatchObject({ status: 200, body: { errCode: 500, errMsg: "ServerInternalError", errDlt: "redis unavailable" } });
    expect(checkResponseContract("openim", "initiateFormData", envelope)).toEqual([]);
    const proxy = await recordResponse(await openimCall());
    expect(proxy).toMatchObject({ status: 429, body: "TooManyRequests: proxy rate limit" });
    expect(checkResponseContract("openim", "initiateFormData", proxy)).toEqual([]);
    const acs = await recordResponse(await fetch(hbr["baseUrl"] as string, { method: "POST" }));
    expect(acs).toMatchObject({ status: 503, body: { Code: "ServiceUnavailable" } });
    expect(checkResponseContract("hbr", "createTempFileUploadUrl", acs)).toEqual([]);
  });

  it("fails storage requests with the storage's XML error", async () => {
    const item = await issue("xml.txt");
    sandbox.faults.arm("cloudbase.cos-put", { kind: "fail", times: 1, status: 500, code: "InternalError", message: "We encountered an internal error. Please try again." });
    const response = await put(item, "x");
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("<Code>InternalError</Code>");
    expect((await put(item, "x")).status).toBe(200);
  });

  it("resets the connection after K body bytes", async () => {
    const item = await issue("reset.bin");
    sandbox.faults.arm("cloudbase.cos-put", { kind: "reset", afterBytes: 64 * 1024 });
    expect(await rawPut(item["uploadUrl"] as string, Buffer.alloc(1024 * 1024))).toMatch(/ECONNRESET|EPIPE|socket hang up/);
    expect(sandbox.objects.get(cloudbase["bucket"] as string, "reset.bin")).toBeUndefined();
    expect((await put(item, "after reset")).status).toBe(200);
  });

  it("delays a response until the delay ends (stop() ends pending delays)", async () => {
    const delayed = await startSandbox({ faults: { "cloudbase.get-objects-upload-info": { kind: "delay", ms: 60_000 } } });
    const info = delayed.vendors.cloudbase as Record<string, string>;
    let settled = false;
    const pending = fetch(`${info["baseUrl"]}/v1/storages/get-objects-upload-info`, { method: "POST", headers: { Authorization: `Bearer ${info["token"]}` }, body: "[]" }).then(
      () => "answered",
      () => "connection closed",
    );
    void pending.finally(() => {
      settled = true;
    });
    await expect.poll(() => delayed.faults.hits("cloudbase.get-objects-upload-info")).toBe(1);
    expect(settled).toBe(false);
    await delayed.stop();
    expect(await pending).toBe("connection closed");
  });

  it("holds a request: reads the whole body, never answers, and stop() closes held sockets", async () => {
    const held = await startSandbox({ faults: { "cloudbase.cos-put": { kind: "hold" } } });
    const info = held.vendors.cloudbase as Record<string, string>;
    let answered = false;
    const req = request(`${held.url}/storage/cos/${info["bucket"]}/k`, { method: "PUT", headers: { "Content-Length": String(32 * 1024 * 1024) } }, () => (answered = true));
    const closed = new Promise<string>((resolve) => req.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message)));
    // Far more than socket buffers take: the body is all sent only because the server reads it.
    await new Promise<void>((resolve) => req.end(Buffer.alloc(32 * 1024 * 1024), resolve));
    await held.stop();
    expect(await closed).toMatch(/ECONNRESET|socket hang up/);
    expect(answered).toBe(false);
  });

  it("answers slowly: the handler stores the body at once, the answer waits (stop() drops it)", async () => {
    const item = await issue("slow.txt");
    sandbox.faults.arm("cloudbase.cos-put", { kind: "slow-answer", ms: 10 });
    expect((await put(item, "slow body")).status).toBe(200);
    expect(sandbox.objects.get(cloudbase["bucket"] as string, "slow.txt")?.size).toBe(9);

    const slow = await startSandbox({ faults: { "cloudbase.cos-put": { kind: "slow-answer", ms: 60_000 } } });
    const info = slow.vendors.cloudbase as Record<string, string>;
    const [held] = (await (
      await fetch(`${info["baseUrl"]}/v1/storages/get-objects-upload-info`, {
        method: "POST",
        headers: { Authorization: `Bearer ${info["token"]}` },
        body: JSON.stringify([{ objectId: "held.txt" }]),
      })
    ).json()) as Array<Record<string, string>>;
    let settled = false;
    const pending = put(held!, "held body").then(
      (response) => `status ${response.status}`,
      () => "connection closed",
    );
    void pending.finally(() => {
      settled = true;
    });
    await expect.poll(() => slow.objects.get(info["bucket"] as string, "held.txt")?.size).toBe(9);
    expect(settled).toBe(false);
    await slow.stop();
    expect(await pending).toBe("connection closed");
  });

  it("stalls until the client gives up, and stop() closes stalled sockets", async () => {
    const stalled = await startSandbox();
    const info = stalled.vendors.cloudbase as Record<string, string>;
    stalled.faults.arm("cloudbase.cos-put", { kind: "stall" });
    const pending = rawPut(`${stalled.url}/storage/cos/${info["bucket"]}/k`, Buffer.alloc(10));
    await expect.poll(() => stalled.faults.hits("cloudbase.cos-put")).toBe(1);
    await stalled.stop();
    expect(await pending).toMatch(/ECONNRESET|socket hang up/);
  });

  it("expires issued URLs early", async () => {
    sandbox.faults.arm("cloudbase.get-objects-upload-info", { kind: "expire-urls" });
    const expired = await issue("expired.txt");
    const response = await put(expired, "x");
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("<Message>Request has expired</Message>");
    expect((await put(await issue("expired.txt"), "x")).status).toBe(200);
  });

  it("skews the clock through the admin endpoint and the now option", async () => {
    const item = await issue("skew.txt");
    const skew = await fetch(`${sandbox.url}/__sandbox/clock`, { method: "POST", body: JSON.stringify({ skewMs: 3_600_000 }) });
    expect(skew.status).toBe(200);
    expect((await put(item, "x")).status).toBe(403);
    await fetch(`${sandbox.url}/__sandbox/clock`, { method: "POST", body: JSON.stringify({ skewMs: 0 }) });
    expect((await put(item, "x")).status).toBe(200);

    const past = await startSandbox({ now: () => Date.now() - 3_600_000 });
    try {
      const info = past.vendors.cloudbase as Record<string, string>;
      const [old] = (await (
        await fetch(`${info["baseUrl"]}/v1/storages/get-objects-upload-info`, {
          method: "POST",
          headers: { Authorization: `Bearer ${info["token"]}` },
          body: JSON.stringify([{ objectId: "o" }]),
        })
      ).json()) as Array<Record<string, string>>;
      const end = Number(/q-sign-time=\d+;(\d+)/.exec(old?.["authorization"] ?? "")?.[1]);
      expect(end).toBeLessThan(Date.now() / 1000 - 3_600 + 901);
    } finally {
      await past.stop();
    }
  });

  it("arms and clears faults through the admin endpoint", async () => {
    const armed = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ routeKey: "cloudbase.get-objects-upload-info", spec: { kind: "fail", times: 5, status: 500 } }),
    });
    expect(armed.status).toBe(200);
    expect((await uploadInfo("x")).status).toBe(500);
    expect((await fetch(`${sandbox.url}/__sandbox/faults`, { method: "DELETE" })).status).toBe(200);
    expect((await uploadInfo("x")).status).toBe(200);
    const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { hits: Record<string, number>; rssBytes: number; maxRssBytes: number };
    expect(stats.hits["cloudbase.get-objects-upload-info"]).toBe(sandbox.faults.hits("cloudbase.get-objects-upload-info"));
    expect(stats.maxRssBytes).toBeGreaterThanOrEqual(stats.rssBytes / 2);
    expect((await fetch(`${sandbox.url}/__sandbox/faults`, { method: "POST", body: "{}" })).status).toBe(400);
  });
});
