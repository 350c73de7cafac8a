import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransportError, VendorApiError } from "./errors.js";
import { errorMiddleware, type EnvelopeParser } from "./middleware.js";
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

function client(url = baseUrl) {
  const c = createClient<Record<string, never>>({ baseUrl: url });
  c.use(errorMiddleware("acme", parse, () => [SECRET]));
  return c;
}

async function call(path: string, url?: string) {
  // The generic paths type is empty on purpose: this exercises the middleware, not typing.
  return (client(url) as unknown as { GET(p: string): Promise<{ data?: unknown; response: Response }> }).GET(path);
}

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
});
