import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { VendorApiError } from "@direct-upload/client-core";
import { createOpenimClient } from "./index.js";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.user-token-for-tests.sig";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Reply = { status?: number; type?: string; body: string };

/** A loopback OpenIM stand-in: records every request and answers with the queued replies in order. */
async function startOpenim(replies: Reply[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      const reply = replies.shift() ?? { status: 500, type: "text/plain", body: "no reply queued" };
      res.writeHead(reply.status ?? 200, { "content-type": reply.type ?? "application/json" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { baseUrl: `http://127.0.0.1:${port}`, received };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const envelope = (errCode: number, errMsg: string, errDlt: string, data?: unknown): Reply => ({
  body: JSON.stringify({ errCode, errMsg, errDlt, ...(data === undefined ? {} : { data }) }),
});

// Seed 000 success example, with `header` items in the real `{key, values}` shape.
const SEED_DATA = {
  id: "upload-task-id",
  url: "https://storage.example.com/form-upload",
  file: "file",
  header: [{ key: "Content-Type", values: ["multipart/form-data"] }],
  formData: { policy: "BASE64_POLICY", signature: "SIGN_VALUE", key: "tmp/avatar.png" },
  expires: 1715065020123,
  successCodes: [200],
};
const SEED_REQUEST = { name: "avatar.png", size: 204800, contentType: "image/png", group: "avatar", millisecond: 600000 };

async function caught(promise: Promise<unknown>): Promise<VendorApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VendorApiError);
  return error as VendorApiError;
}

function expectNoToken(error: Error, token: string) {
  expect(error.message).not.toContain(token);
  expect(String(error)).not.toContain(token);
  expect(JSON.stringify(error)).not.toContain(token);
  expect(error.stack ?? "").not.toContain(token);
}

describe("createOpenimClient", () => {
  it("sends token and a fresh operationID on every call and returns the typed data", async () => {
    const { baseUrl, received } = await startOpenim([envelope(0, "", "", SEED_DATA), envelope(0, "", "", { url: "http://127.0.0.1:10002/object/avatar.png" })]);
    const client = createOpenimClient({ baseUrl, token: TOKEN });

    const initiated = await client.initiateFormData(SEED_REQUEST);
    const completed = await client.completeFormData({ id: initiated.data.id });

    expect(initiated).toEqual({ errCode: 0, errMsg: "", errDlt: "", data: SEED_DATA });
    expect(completed.data.url).toBe("http://127.0.0.1:10002/object/avatar.png");
    expect(received.map((r) => r.path)).toEqual(["/object/initiate_form_data", "/object/complete_form_data"]);
    expect(received[0]?.body).toEqual(SEED_REQUEST);
    expect(received[1]?.body).toEqual({ id: "upload-task-id" });
    for (const request of received) {
      expect(request.headers.token).toBe(TOKEN);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers.operationid).toMatch(/^\d{13}-[0-9a-f]{8}$/);
    }
    expect(received[0]?.headers.operationid).not.toBe(received[1]?.headers.operationid);
  });

  it("uses the caller's operationID generator and resolves a token provider per request", async () => {
    const { baseUrl, received } = await startOpenim([envelope(0, "", "", SEED_DATA), envelope(0, "", "", SEED_DATA)]);
    let ids = 0;
    let tokens = 0;
    const client = createOpenimClient({
      baseUrl,
      token: async () => `${TOKEN}-${++tokens}`,
      operationId: () => `op-${++ids}`,
    });

    await client.initiateFormData(SEED_REQUEST);
    await client.initiateFormData(SEED_REQUEST);

    expect(received.map((r) => [r.headers.token, r.headers.operationid])).toEqual([
      [`${TOKEN}-1`, "op-1"],
      [`${TOKEN}-2`, "op-2"],
    ]);
  });

  it("throws a typed, non-retryable error for errCode != 0 on HTTP 200", async () => {
    const { baseUrl } = await startOpenim([envelope(1004, "RecordNotFoundError", ": [1004]RecordNotFoundError")]);
    const client = createOpenimClient({ baseUrl, token: TOKEN });

    const error = await caught(client.completeFormData({ id: "upload-task-id" }));

    expect(error.vendor).toBe("openim");
    expect(error.status).toBe(200);
    expect(error.vendorCode).toBe("1004");
    expect(error.vendorMessage).toBe("RecordNotFoundError: : [1004]RecordNotFoundError");
    expect(error.operation).toBe("/object/complete_form_data");
    expect(error.retryable).toBe(false);
  });

  it("marks only errCode 500 retryable and hints at token renewal for 1501-1507", async () => {
    const { baseUrl } = await startOpenim([envelope(500, "ServerInternalError", "aws does not currently support form data file uploads"), envelope(1501, "TokenExpiredError", "")]);
    const client = createOpenimClient({ baseUrl, token: TOKEN });

    const storage = await caught(client.initiateFormData(SEED_REQUEST));
    const expired = await caught(client.initiateFormData(SEED_REQUEST));

    expect([storage.vendorCode, storage.retryable]).toEqual(["500", true]);
    expect([expired.vendorCode, expired.vendorMessage, expired.retryable]).toEqual(["1501", "TokenExpiredError", false]);
    expect(expired.message).toContain("fresh OpenIM token");
  });

  it("never lets the token reach an error, even when the server echoes it", async () => {
    const { baseUrl } = await startOpenim([envelope(1502, "TokenInvalidError", `token ${TOKEN} is invalid`)]);
    const client = createOpenimClient({ baseUrl, token: () => TOKEN });

    const error = await caught(client.initiateFormData(SEED_REQUEST));

    expect(error.vendorMessage).toBe("TokenInvalidError: token *** is invalid");
    expectNoToken(error, TOKEN);
  });

  it("reports a proxy's non-200 answer and a 200 without envelope as typed errors", async () => {
    const { baseUrl } = await startOpenim([{ status: 413, type: "text/html", body: "<html>413 Request Entity Too Large</html>" }, { body: JSON.stringify({ ok: true }) }]);
    const client = createOpenimClient({ baseUrl, token: TOKEN });

    const proxy = await caught(client.initiateFormData(SEED_REQUEST));
    const notOpenim = await caught(client.initiateFormData(SEED_REQUEST));

    expect([proxy.status, proxy.vendorCode]).toEqual([413, "HTTP_413"]);
    expect(proxy.vendorMessage).toContain("413 Request Entity Too Large");
    expect([notOpenim.status, notOpenim.vendorCode]).toEqual([200, "INVALID_ENVELOPE"]);
  });
});

describe("multipart calls", () => {
  it("posts each call to its route with the token and a fresh operationID, and unwraps the envelope", async () => {
    const limit = { minPartSize: 5242880, maxPartSize: 5368709120, maxNumSize: 10000 };
    const stored = { url: "http://im/object/u1/a.bin" };
    const signed = { url: "http://minio/openim/k", query: [{ key: "uploadId", values: ["x"] }], header: null, parts: [{ partNumber: 2, url: "", query: null, header: null }] };
    const { baseUrl, received } = await startOpenim([envelope(0, "", "", limit), envelope(0, "", "", stored), envelope(0, "", "", signed), envelope(0, "", "", stored)]);
    const client = createOpenimClient({ baseUrl, token: TOKEN });
    const initiate = { hash: "0cc175b9c0f1b6a831c399e269772661", size: 10, partSize: 5242880, maxParts: 1, name: "u1/a.bin" };
    expect((await client.partLimit()).data).toEqual(limit);
    expect((await client.initiateMultipartUpload(initiate)).data).toEqual(stored);
    expect((await client.authSign({ uploadID: "id", partNumbers: [2] })).data).toEqual(signed);
    expect((await client.completeMultipartUpload({ uploadID: "id", parts: ["0cc175b9c0f1b6a831c399e269772661"], name: "u1/a.bin" })).data).toEqual(stored);
    expect(received.map((r) => r.path)).toEqual(["/object/part_limit", "/object/initiate_multipart_upload", "/object/auth_sign", "/object/complete_multipart_upload"]);
    expect(received.map((r) => r.body)).toEqual([
      {},
      initiate,
      { uploadID: "id", partNumbers: [2] },
      { uploadID: "id", parts: ["0cc175b9c0f1b6a831c399e269772661"], name: "u1/a.bin" },
    ]);
    expect(received.every((r) => r.headers["token"] === TOKEN)).toBe(true);
    expect(new Set(received.map((r) => r.headers["operationid"])).size).toBe(4);
  });

  it("turns a non-zero errCode of a multipart call into a VendorApiError", async () => {
    const { baseUrl } = await startOpenim([envelope(500, "ServerInternalError", "md5 mismatching")]);
    const client = createOpenimClient({ baseUrl, token: TOKEN });
    const error = await caught(client.completeMultipartUpload({ uploadID: "id", parts: ["0cc175b9c0f1b6a831c399e269772661"], name: "u1/a.bin" }));
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error.vendorCode).toBe("500");
    expect(error.message).toContain("md5 mismatching");
  });
});
