import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TransportError } from "@direct-upload/client-core";
import { createPdsClient } from "@direct-upload/pds-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callVendor } from "./flow-engine.js";

let server: Server;
let baseUrl: string;
let calls = 0;

beforeAll(async () => {
  // Silent for the first three calls (a stall before the headers), then a valid PDS answer.
  server = createServer((req, res) => {
    req.resume();
    if (++calls <= 3) return;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ uploaded_parts: [] }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, vendorTimeoutMs: 100 };
const list = { drive_id: "1", file_id: "f", upload_id: "u", limit: 100 };

describe("callVendor", () => {
  it("retries calls that timed out, and leaves no listener on the caller's signal", async () => {
    const client = createPdsClient({ baseUrl, token: "tok-0123456789" });
    const signal = new AbortController().signal;
    calls = 0;
    const page = await callVendor({ ...fast, signal }, (call) => client.listUploadedParts(list, call));
    expect(page.uploaded_parts).toEqual([]);
    expect(calls).toBe(4);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("ends with the timeout as a TransportError once the tries run out", async () => {
    const client = createPdsClient({ baseUrl, token: "tok-0123456789" });
    calls = 0;
    const error = await callVendor({ ...fast, retry: { ...fast.retry, maxAttempts: 2 } }, (call) => client.listUploadedParts(list, call)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toMatch(/^pds \/v2\/file\/list_uploaded_parts did not get a response: no response headers within 100 ms/);
  });
});
