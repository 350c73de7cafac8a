import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidReplyError, TransportError, VendorRedirectError } from "./errors.js";
import { errorMiddleware } from "./middleware.js";
import { nodeHttpFetch } from "./node-http-fetch.js";
import type { ReplyValidator } from "./reply-check.js";
import { vendorFetch } from "./vendor-fetch.js";

const TOKEN = "tok-abcdefgh-12345678-secret";

let api: Server;
let other: Server;
let apiUrl: string;
let otherUrl: string;
const otherSaw: Array<string | undefined> = [];
/** Called when the connection of a /declared-huge-held answer closes. */
let onHeldClosed = () => undefined as void;

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  other = createServer((req, res) => {
    otherSaw.push(req.headers["token"] as string | undefined);
    res.writeHead(200, { "content-type": "application/json" }).end('{"value":1}');
  });
  otherUrl = await listen(other);
  api = createServer((req, res) => {
    switch (req.url) {
      case "/ok":
        return res.writeHead(200, { "content-type": "application/json" }).end('{"value":1}');
      case "/wrong":
        return res.writeHead(200, { "content-type": "application/json" }).end('{"value":"one"}');
      case "/garbage":
        return res.writeHead(200, { "content-type": "application/json" }).end("\u0000\u0001{not json");
      case "/away":
        return res.writeHead(307, { location: `${otherUrl}/ok?sign=${TOKEN}` }).end();
      case "/html":
        return res.writeHead(502, { "content-type": "text/html" }).end(`<html>${"x".repeat(190)} token ${TOKEN}\u0007 bad gateway</html>`);
      case "/huge":
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"value":"');
        return res.end(`${"x".repeat(2 * 1024 * 1024)}"}`);
      case "/declared-huge":
        return res.writeHead(200, { "content-type": "application/json", "content-length": 2048 }).end(`{"value":"${"x".repeat(2036)}"}`);
      case "/declared-huge-held":
        req.socket.once("close", () => onHeldClosed());
        return res.writeHead(200, { "content-type": "application/json", "content-length": 2048 }).write('{"value":"'); // never ends
      case "/reset":
        return req.socket.resetAndDestroy();
      case "/silent":
        return; // never answers
      case "/stall-body":
        res.writeHead(200, { "content-type": "application/json" });
        return res.write('{"value":'); // never ends
    }
    res.writeHead(404).end();
  });
  apiUrl = await listen(api);
});
afterAll(async () => {
  api.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => other.close(r))]);
});

// Shaped like an ajv standalone validator: `{value: number}`.
const value: ReplyValidator = (data: unknown) => {
  const ok = typeof (data as { value?: unknown } | undefined)?.value === "number";
  value.errors = ok ? null : [{ instancePath: "/value", message: "must be number" }];
  return ok;
};

type Send = ((request: Request) => Promise<Response>) | undefined;

function client(send: Send, timeoutMs = 200, baseUrl = apiUrl) {
  const c = createClient<Record<string, never>>({ baseUrl, fetch: vendorFetch({ timeoutMs, maxReplyBytes: 1024, fetch: send }) });
  c.use({ onRequest: ({ request }) => (request.headers.set("token", TOKEN), request) });
  const replies = Object.fromEntries(
    ["/ok", "/wrong", "/garbage", "/away", "/huge", "/declared-huge", "/declared-huge-held", "/stall-body"].map((path) => [`GET ${path} 200`, value]),
  );
  c.use(
    errorMiddleware(
      "acme",
      () => undefined,
      () => [TOKEN],
      { replies },
    ),
  );
  return c as unknown as { GET(path: string, init?: { signal?: AbortSignal; timeoutMs?: number }): Promise<{ data?: unknown }> };
}

async function failure(send: Send, path: string, init?: { signal?: AbortSignal; timeoutMs?: number }, baseUrl?: string): Promise<Error> {
  const error = await client(send, 200, baseUrl)
    .GET(path, init)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(Error);
  const e = error as Error;
  const everything = [e.message, String(e), JSON.stringify(e), String((e as { cause?: unknown }).cause ?? "")].join(" ");
  for (let i = 0; i + 8 <= TOKEN.length; i++) expect(everything).not.toContain(TOKEN.slice(i, i + 8));
  expect(e.message).not.toContain("\n");
  return e;
}

// Node's own fetch (undici), as in browsers, and the node:http one that is the default in Node.
const SENDERS: Array<[string, Send]> = [
  ["globalThis.fetch", undefined],
  ["nodeHttpFetch", nodeHttpFetch],
];

describe.each(SENDERS)("vendorFetch on %s with errorMiddleware", (_, send) => {
  it("passes a reply that matches its validator", async () => {
    expect((await client(send).GET("/ok")).data).toEqual({ value: 1 });
  });

  it("refuses a cross-origin redirect without sending the credential there", async () => {
    const e = await failure(send, "/away");
    expect(e).toBeInstanceOf(VendorRedirectError);
    expect(e.message).toMatch(/^acme \/away answered a 307 redirect to http:\/\/127\.0\.0\.1:\d+; it was not followed/);
    expect(otherSaw).toEqual([]);
  });

  it("names the JSON pointer and the expectation of a reply the spec refuses", async () => {
    const e = (await failure(send, "/wrong")) as InvalidReplyError;
    expect(e).toBeInstanceOf(InvalidReplyError);
    expect([e.code, e.pointer, e.expected]).toEqual(["invalid_reply", "/value", "must be number"]);
    expect(e.message).toMatch(/^acme \/wrong sent an unusable reply: \/value must be number/);
  });

  it("refuses a success body that is not JSON without echoing it", async () => {
    const e = await failure(send, "/garbage");
    expect(e).toBeInstanceOf(InvalidReplyError);
    expect(e.message).not.toMatch(/not json|\u0000/);
  });

  it("redacts an error page before cutting it, and drops control characters", async () => {
    const e = await failure(send, "/html");
    expect(e.message).toContain("HTTP_502");
    expect(e.message).not.toContain("\u0007");
  });

  it("refuses a body over the cap", async () => {
    const e = (await failure(send, "/huge")) as InvalidReplyError;
    expect(e).toBeInstanceOf(InvalidReplyError);
    expect(e.expected).toBe("must be at most 1024 bytes");
  });

  it.each(["/silent", "/stall-body"])("gives up on %s with a retryable TransportError", async (path) => {
    const e = await failure(send, path);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).retryable).toBe(true);
    expect(e.message).toMatch(new RegExp(`^acme ${path} did not get a response: no (response headers|body bytes) within 200 ms`));
  });

  it("takes a call's own timeoutMs over the client's", async () => {
    const e = await failure(send, "/silent", { timeoutMs: 50 });
    expect(e.message).toContain("within 50 ms");
  });

  it("refuses a body declared over the cap before reading it", async () => {
    const e = (await failure(send, "/declared-huge")) as InvalidReplyError;
    expect(InvalidReplyError.is(e) && e.expected).toBe("must be at most 1024 bytes");
  });

  it("closes the connection of a body it refused by its declared length, without waiting for the rest", async () => {
    const closed = new Promise<void>((resolve) => (onHeldClosed = resolve));
    const e = (await failure(send, "/declared-huge-held")) as InvalidReplyError;
    expect(InvalidReplyError.is(e) && e.expected).toBe("must be at most 1024 bytes");
    await closed;
  });

  it("reports a connection reset as a retryable TransportError", async () => {
    const e = await failure(send, "/reset");
    expect(TransportError.is(e) && [e.code, e.retryable]).toEqual(["transport_error", true]);
    expect(e.message).toMatch(/^acme \/reset did not get a response: fetch failed \(read ECONNRESET\)/);
  });

  it("reports a refused connection as a retryable TransportError", async () => {
    const closed = createServer();
    const port = new URL(await listen(closed)).port;
    await new Promise((done) => closed.close(done));
    const e = await failure(send, "/ok", undefined, `http://127.0.0.1:${port}`);
    expect(TransportError.is(e) && [e.code, e.retryable]).toEqual(["transport_error", true]);
    expect(e.message).toContain(`did not get a response: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`);
  });

  it("reports the caller's abort as an aborted TransportError", async () => {
    const controller = new AbortController();
    const pending = client(send, 10_000)
      .GET("/silent", { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    const e = (await pending) as TransportError;
    expect(e).toBeInstanceOf(TransportError);
    expect([e.code, e.retryable]).toEqual(["aborted", false]);
  });
});

it("times out even when the fetch underneath never settles on abort (Node's fetch did, while connecting)", async () => {
  const deaf = () => new Promise<Response>(() => undefined);
  const c = createClient<Record<string, never>>({ baseUrl: apiUrl, fetch: vendorFetch({ timeoutMs: 50, fetch: deaf }) });
  c.use(
    errorMiddleware(
      "acme",
      () => undefined,
      () => [TOKEN],
      {},
    ),
  );
  const e = await (c as unknown as { GET(path: string): Promise<unknown> }).GET("/ok").catch((error: unknown) => error);
  expect(TransportError.is(e)).toBe(true);
  expect((e as TransportError).message).toMatch(/^acme \/ok did not get a response: no response headers within 50 ms/);
});
