import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TransportError } from "./errors.js";
import { nodeHttpFetch } from "./node-http-fetch.js";

// V8's gc(), which a flag set at run time exposes to contexts made after it.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

let server: Server;
let url: string;
let seen: string[];
/** The request of each call that stalls, as it arrives. */
let stalled: Promise<IncomingMessage>;
let onStalled: (req: IncomingMessage) => void;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    switch (req.url) {
      case "/echo":
        return res
          .writeHead(201, "Made", { "content-type": "application/json" })
          .end(JSON.stringify({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), port: req.socket.remotePort }));
      case "/repeated":
        res.setHeader("x-tag", ["a", "b"]);
        res.setHeader("set-cookie", ["one=1", "two=2"]);
        return res.writeHead(200).end("ok");
      case "/nothing":
        return res.writeHead(204).end();
      case "/moved":
        return res.writeHead(302, { location: "/elsewhere" }).end("moved");
      case "/silent":
        return onStalled(req);
      case "/stall-body":
        res.writeHead(200).write("first");
        return onStalled(req);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});
beforeEach(() => {
  seen = [];
  stalled = new Promise((resolve) => (onStalled = resolve));
});

describe("nodeHttpFetch", () => {
  it("sends the method, headers and body, and returns the status, headers and body", async () => {
    const request = new Request(`${url}/echo`, { method: "POST", headers: { "content-type": "application/json", "x-call": "c1" }, body: '{"name":"é"}' });
    const response = await nodeHttpFetch(request);
    expect([response.status, response.statusText, response.headers.get("content-type")]).toEqual([201, "Made", "application/json"]);
    const echoed = (await response.json()) as { method: string; headers: Record<string, string>; body: string };
    expect(echoed).toMatchObject({ method: "POST", body: '{"name":"é"}' });
    expect(echoed.headers).toMatchObject({ "content-type": "application/json", "x-call": "c1", "content-length": "13" });
  });

  it("sends a GET without a body and reuses the connection for the next call", async () => {
    const call = async () => (await (await nodeHttpFetch(new Request(`${url}/echo`))).json()) as { headers: Record<string, string>; port: number };
    const first = await call();
    expect(first.headers["content-length"]).toBeUndefined();
    expect((await call()).port).toBe(first.port);
  });

  it("keeps repeated response headers", async () => {
    const response = await nodeHttpFetch(new Request(`${url}/repeated`));
    expect(response.headers.get("x-tag")).toBe("a, b");
    expect(response.headers.getSetCookie()).toEqual(["one=1", "two=2"]);
    expect(await response.text()).toBe("ok");
  });

  it("gives a 204 and a HEAD answer no body", async () => {
    const nothing = await nodeHttpFetch(new Request(`${url}/nothing`));
    expect([nothing.status, nothing.body]).toEqual([204, null]);
    const head = await nodeHttpFetch(new Request(`${url}/echo`, { method: "HEAD" }));
    expect([head.status, head.body]).toEqual([201, null]);
  });

  it("returns a redirect as it is, without following it", async () => {
    const response = await nodeHttpFetch(new Request(`${url}/moved`));
    expect([response.status, response.headers.get("location"), await response.text()]).toEqual([302, "/elsewhere", "moved"]);
    expect(seen).toEqual(["GET /moved"]);
  });

  it("sends nothing when the signal is already aborted, and rejects with its reason", async () => {
    const reason = new Error("caller gave up");
    await expect(nodeHttpFetch(new Request(`${url}/echo`, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    expect(seen).toEqual([]);
  });

  it("closes the connection on an abort while waiting for the answer, and rejects with the reason", async () => {
    const controller = new AbortController();
    const pending = nodeHttpFetch(new Request(`${url}/silent`, { signal: controller.signal }));
    const req = await stalled;
    const closed = once(req.socket, "close");
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await closed;
  });

  it("closes the connection on an abort mid-body, and the body fails with the reason", async () => {
    const controller = new AbortController();
    const response = await nodeHttpFetch(new Request(`${url}/stall-body`, { signal: controller.signal }));
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first");
    const closed = once((await stalled).socket, "close");
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
    await closed;
  });

  it("fails the body with a retryable TransportError's cause when the connection is reset mid-body", async () => {
    const response = await nodeHttpFetch(new Request(`${url}/stall-body`));
    const reader = response.body!.getReader();
    await reader.read();
    (await stalled).socket.resetAndDestroy();
    const error = await reader.read().catch((e: unknown) => e);
    expect(((error as TypeError).cause as { code?: string }).code).toBe("ECONNRESET");
    const transport = new TransportError("acme", "create", error);
    expect([transport.code, transport.retryable]).toEqual(["transport_error", true]);
    expect(transport.message).toMatch(/^acme create did not get a response: the connection closed mid-body \(/);
  });

  it("closes the connection when the body is cancelled", async () => {
    const response = await nodeHttpFetch(new Request(`${url}/stall-body`));
    const closed = once((await stalled).socket, "close");
    await response.body!.cancel();
    await closed;
  });

  it("closes the connection of a body dropped unread once its Response is collected", async () => {
    await nodeHttpFetch(new Request(`${url}/stall-body`));
    let closed = false;
    (await stalled).socket.once("close", () => (closed = true));
    while (!closed) {
      collectGarbage();
      await new Promise((next) => setImmediate(next));
    }
  });

  it("rejects a refused connection as Node's fetch does, which makes a retryable TransportError", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const error = await nodeHttpFetch(new Request(`http://127.0.0.1:${port}/`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as TypeError).cause as { code?: string }).code).toBe("ECONNREFUSED");
    const transport = new TransportError("acme", "create", error);
    expect([transport.code, transport.retryable]).toEqual(["transport_error", true]);
    expect(transport.message).toContain(`did not get a response: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`);
  });
});
