import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DirectUploadError, VendorApiError } from "@direct-upload/client-core";
import { ItemCountMismatchError, cloudbaseBaseUrl, createCloudbaseClient } from "./index.js";

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.cloudbase-access-token.sig";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Reply = { status?: number; requestId?: string; body: unknown };

/** A loopback CloudBase gateway stand-in: records every request and answers with the queued replies in order. */
async function startGateway(replies: Reply[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      const reply = replies.shift() ?? { status: 500, body: { code: "NO_REPLY", message: "no reply queued" } };
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (reply.requestId) headers["x-request-id"] = reply.requestId;
      res.writeHead(reply.status ?? 200, headers).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

// Seed 001 response: one success item and one failed item.
const SEED_SUCCESS = {
  objectId: "dirname/filename.jpg",
  uploadUrl: "https://url/filename.jpg",
  authorization: "q-sign-algorithm=sha1&q-ak=...",
  token: "xxx",
  cloudObjectMeta: "xxx",
  downloadUrl: "https://url/filename.jpg?sign=xxx&t=yyy",
  downloadUrlEncoded: "https://url/filename.jpg?sign=xxx&t=yyy",
  cloudObjectId: "cloud://your-envId.bucket/filename.jpg",
};
const SEED_ERROR = { code: "COS_ACTION_FAILED", message: "Execute COS action failed." };

async function caught<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

function expectNoToken(error: Error) {
  expect(error.message).not.toContain(TOKEN);
  expect(String(error)).not.toContain(TOKEN);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
  expect(error.stack ?? "").not.toContain(TOKEN);
}

describe("createCloudbaseClient", () => {
  it("sends the Bearer token and matches a mixed success/error answer to the request by position", async () => {
    const { baseUrl, received } = await startGateway([{ requestId: "rid-upload-1", body: [SEED_SUCCESS, SEED_ERROR] }]);
    const client = createCloudbaseClient({ baseUrl, token: TOKEN });
    const request = [{ objectId: "dirname/filename.jpg" }, { objectId: "dirname/other.jpg" }];

    const [first, second] = await client.getObjectsUploadInfo(request);

    expect(received[0]?.path).toBe("/v1/storages/get-objects-upload-info");
    expect(received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received[0]?.headers["content-type"]).toBe("application/json");
    expect(received[0]?.body).toEqual(request);
    expect(first).toEqual({ ok: true, item: request[0], result: SEED_SUCCESS });
    if (second?.ok !== false) throw new Error("second item should have failed");
    expect(second.item).toEqual(request[1]);
    expect(second.error).toBeInstanceOf(VendorApiError);
    expect(second.error.vendor).toBe("cloudbase");
    expect(second.error.vendorCode).toBe("COS_ACTION_FAILED");
    expect(second.error.vendorMessage).toBe("Execute COS action failed.");
    expect(second.error.requestId).toBe("rid-upload-1");
    expect(second.error.operation).toBe("/v1/storages/get-objects-upload-info");
  });

  it("matches delete results, whose error items echo the id", async () => {
    const deleted = { cloudObjectId: "cloud://env-1.bucket/a.jpg" };
    const missing = { cloudObjectId: "cloud://env-1.bucket/b.jpg", code: "OBJECT_NOT_EXIST", message: "Storage object not exists." };
    const { baseUrl } = await startGateway([{ body: [deleted, missing] }]);
    const client = createCloudbaseClient({ baseUrl, token: TOKEN });

    const results = await client.deleteObjects([{ cloudObjectId: deleted.cloudObjectId }, { cloudObjectId: missing.cloudObjectId }]);

    expect(results.map((r) => (r.ok ? "ok" : r.error.vendorCode))).toEqual(["ok", "OBJECT_NOT_EXIST"]);
    expect(results[1]?.item.cloudObjectId).toBe(missing.cloudObjectId);
  });

  it("throws a typed error for a non-200 answer, with the request id from the body or the header", async () => {
    const { baseUrl } = await startGateway([
      { status: 401, body: { code: "MISSING_CREDENTIALS", message: "credentials not found", requestId: "rid-body" } },
      { status: 404, requestId: "rid-header", body: { code: "INVALID_ENV_ID", message: "env not found" } },
    ]);
    const client = createCloudbaseClient({ baseUrl, token: TOKEN });
    const request = [{ cloudObjectId: "cloud://env-1.bucket/a.jpg" }];

    const unauthenticated = await caught(client.getObjectsDownloadInfo(request), VendorApiError);
    const unknownEnv = await caught(client.getObjectsDownloadInfo(request), VendorApiError);

    expect([unauthenticated.status, unauthenticated.vendorCode, unauthenticated.vendorMessage, unauthenticated.requestId]).toEqual([
      401,
      "MISSING_CREDENTIALS",
      "credentials not found",
      "rid-body",
    ]);
    expect(unauthenticated.message).toContain("rid-body");
    expect(unauthenticated.retryable).toBe(false);
    expect([unknownEnv.status, unknownEnv.vendorCode, unknownEnv.requestId]).toEqual([404, "INVALID_ENV_ID", "rid-header"]);
  });

  it("resolves a token provider on every request and never lets the token reach an error", async () => {
    const { baseUrl, received } = await startGateway([
      { body: [SEED_SUCCESS] },
      { status: 403, requestId: "rid-2", body: { code: "ACTION_FORBIDDEN", message: `token ${TOKEN}-2 may not do this` } },
      { body: [{ code: "STORAGE_EXCEED_AUTHORITY", message: `denied for ${TOKEN}-3` }] },
    ]);
    let calls = 0;
    const client = createCloudbaseClient({ baseUrl, token: async () => `${TOKEN}-${++calls}` });
    const request = [{ objectId: "filename.jpg" }];

    await client.getObjectsUploadInfo(request);
    const forbidden = await caught(client.getObjectsUploadInfo(request), VendorApiError);
    const [denied] = await client.getObjectsUploadInfo(request);

    expect(received.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}-1`, `Bearer ${TOKEN}-2`, `Bearer ${TOKEN}-3`]);
    expect(forbidden.vendorMessage).toBe("token *** may not do this");
    expectNoToken(forbidden);
    if (denied?.ok !== false) throw new Error("item should have failed");
    expect(denied.error.vendorMessage).toBe("denied for ***");
    expectNoToken(denied.error);
  });

  it("refuses to match when the answer has a different number of items", async () => {
    const { baseUrl } = await startGateway([{ requestId: "rid-short", body: [SEED_SUCCESS] }]);
    const client = createCloudbaseClient({ baseUrl, token: TOKEN });

    const error = await caught(client.getObjectsUploadInfo([{ objectId: "a.jpg" }, { objectId: "b.jpg" }]), ItemCountMismatchError);

    expect([error.expected, error.received, error.requestId]).toEqual([2, 1, "rid-short"]);
    expect(error.message).toContain("answered 1 items for 2 request items");
  });
});

describe("base URL", () => {
  it("is derived from envId, which must be a plain host label", async () => {
    const { baseUrl, received } = await startGateway([{ body: [] }]);
    const requested: string[] = [];
    // Records the URL the client built, then delivers the request to the loopback gateway instead.
    const forward = async (input: Request) => {
      requested.push(input.url);
      const url = new URL(input.url);
      return fetch(new Request(`${baseUrl}${url.pathname}`, input));
    };
    const client = createCloudbaseClient({ envId: "prod-1a2b3c", token: TOKEN, fetch: forward as typeof fetch });

    await client.deleteObjects([]);

    expect(cloudbaseBaseUrl("prod-1a2b3c")).toBe("https://prod-1a2b3c.api.tcloudbasegateway.com");
    expect(requested).toEqual(["https://prod-1a2b3c.api.tcloudbasegateway.com/v1/storages/delete-objects"]);
    expect(received).toHaveLength(1);
    expect(() => createCloudbaseClient({ envId: "evil.example/x", token: TOKEN })).toThrow(DirectUploadError);
    expect(() => createCloudbaseClient({ token: TOKEN })).toThrow(/needs baseUrl or envId/);
  });
});
