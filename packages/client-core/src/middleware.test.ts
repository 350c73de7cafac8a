import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidReplyError, TransportError, VendorApiError } from "./errors.js";
import { errorMiddleware, type EnvelopeParser, type ErrorMiddlewareOptions } from "./middleware.js";
import type { ReplyValidator } from "./reply-check.js";
import { expectData } from "./result.js";

const SECRET = "tok-very-secret";

// A tiny vendor: `{code, message}` with code != 0 meaning failure, even on HTTP 200.
const parse: EnvelopeParser = ({ body }) => {
  if (body && typeof body === "object" && "code" in body && (body as { code: number }).code !== 0) {
    const b = body as { code: number; message: string };
    return { vendorCode: String(b.code), vendorMessage: b.message, requestId: "rid-1" };
  }
  return undefined;
};

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string) => res.writeHead(status, { "content-type": "application/json" }).end(body);
    if (req.url === "/ok") return send(200, JSON.stringify({ code: 0, value: 7 }));
    if (req.url === "/envelope") return send(200, JSON.stringify({ code: 4001, message: `bad token ${SECRET}` }));
    if (req.url === "/plain") return send(503, "upstream down");
    return send(404, "{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

type Get = { GET(p: string): Promise<{ data?: unknown; response: Response }> };

// The generic paths type is empty on purpose: this exercises the middleware, not typing.
function client(url = baseUrl, options?: ErrorMiddlewareOptions): Get {
  const c = createClient<Record<string, never>>({ baseUrl: url });
  c.use(errorMiddleware("acme", parse, () => [SECRET], options));
  return c as unknown as Get;
}

async function call(path: string, url?: string) {
  return client(url).GET(path);
}

// Shaped like an ajv standalone validator: `value` must be 8.
const valueIs8: ReplyValidator = (data: unknown) => {
  const ok = (data as { value?: unknown }).value === 8;
  valueIs8.errors = ok ? null : [{ instancePath: "/value", message: "must be 8" }];
  return ok;
};

describe("errorMiddleware", () => {
  it("passes successes through", async () => {
    expect(expectData(await call("/ok"))).toEqual({ code: 0, value: 7 });
  });

  it("turns an error envelope on HTTP 200 into a VendorApiError without the secret", async () => {
    const err = await call("/envelope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorApiError);
    const e = err as VendorApiError;
    expect([e.vendorCode, e.status, e.requestId, e.retryable]).toEqual(["4001", 200, "rid-1", false]);
    expect(e.message).toContain("bad token ***");
    expect(`${e.message} ${String(e)} ${JSON.stringify(e)}`).not.toContain(SECRET);
  });

  it("maps a non-envelope HTTP error to HTTP_<status>, retryable on 5xx", async () => {
    const e = (await call("/plain").catch((x: unknown) => x)) as VendorApiError;
    expect([e.vendorCode, e.vendorMessage, e.retryable]).toEqual(["HTTP_503", "upstream down", true]);
  });

  it("wraps a refused connection in a retryable TransportError", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await call("/ok", `http://127.0.0.1:${port}`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).retryable).toBe(true);
    expect((e as TransportError).message).toContain(`fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`);
  });

  it("loads lazily given validators once, at the first reply, and again after a failed load", async () => {
    const loads: string[] = [];
    const failing = client(baseUrl, { replies: async () => (loads.push("failed"), Promise.reject(new Error("chunk unreachable"))) });
    const e = await failing.GET("/ok").catch((x: unknown) => x);
    expect(TransportError.is(e) && [e.retryable, e.message.includes("chunk unreachable")]).toEqual([true, true]);
    await failing.GET("/ok").catch(() => undefined);
    expect(loads).toEqual(["failed", "failed"]);
    const lazy = client(baseUrl, { replies: async () => (loads.push("loaded"), { "GET /ok 200": valueIs8 }) });
    const refused = await lazy.GET("/ok").catch((x: unknown) => x);
    expect(InvalidReplyError.is(refused) && refused.pointer).toBe("/value");
    await lazy.GET("/ok").catch(() => undefined);
    expect(loads).toEqual(["failed", "failed", "loaded"]);
  });
});
