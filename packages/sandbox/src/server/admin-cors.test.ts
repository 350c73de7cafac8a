import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());

function preflight(path: string, method: string, headers: string) {
  return fetch(`${sandbox.url}${path}`, {
    method: "OPTIONS",
    headers: { Origin: "http://app.example", "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers },
  });
}

describe("CORS", () => {
  it("answers preflights for storage and API routes", async () => {
    const cloudbase = sandbox.vendors.cloudbase as Record<string, string>;
    const cos = await preflight(`/storage/cos/${cloudbase["bucket"]}/a.txt`, "PUT", "authorization,x-cos-security-token,x-cos-meta-fileid,content-type");
    expect(cos.status).toBe(204);
    expect(cos.headers.get("access-control-allow-origin")).toBe("*");
    expect(cos.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(cos.headers.get("access-control-allow-headers")).toBe("authorization, x-cos-security-token, x-cos-meta-fileid, content-type");
    const openim = await preflight("/openim/object/initiate_form_data", "POST", "token,operationid,content-type");
    expect(openim.status).toBe(204);
    const koodrive = await preflight("/koodrive/ose/v1/files/create", "POST", "authorization,x-user-id,x-date,x-traceid,language,content-type");
    expect(koodrive.status).toBe(204);
    expect((await preflight("/storage/oss/hbr-temp-bucket", "POST", "")).status).toBe(204);
    expect((await preflight("/storage/oss/hbr-temp-bucket", "DELETE", "")).status).toBe(403);
    expect((await preflight("/openim/object/initiate_form_data", "POST", "cookie")).status).toBe(403);
    expect((await preflight("/nowhere", "POST", "")).status).toBe(404);
  });

  it("exposes ETag and request ids on responses", async () => {
    const response = await fetch(`${sandbox.url}/storage/minio/openim`, { method: "POST", body: "x" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toMatch(/ETag.*x-amz-request-id/);
  });
});

describe("admin endpoint", () => {
  it("lists objects without server paths and answers unknown routes with 404", async () => {
    expect(await (await fetch(`${sandbox.url}/__sandbox/objects`)).json()).toEqual([]);
    expect((await fetch(`${sandbox.url}/__sandbox/nope`)).status).toBe(404);
  });

  it("answers only loopback peers", async () => {
    const { networkInterfaces } = await import("node:os");
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
    if (!external) return;
    const open = await startSandbox({ host: "0.0.0.0" });
    try {
      const port = new URL(open.url).port;
      expect((await fetch(`http://${external}:${port}/__sandbox/stats`)).status).toBe(403);
      expect((await fetch(`http://127.0.0.1:${port}/__sandbox/stats`)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});
