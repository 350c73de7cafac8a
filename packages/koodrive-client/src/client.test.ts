import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransportError, VendorApiError } from "@direct-upload/client-core";
import { createKoodriveClient } from "./index.js";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const TOKEN = "bearer-token-5f2a9c";
const APP_SECRET = "app-secret-8d1e77";
const clock = () => new Date("2025-11-03T07:01:40.123Z");

// Part 46 of the seed uploadUrl example, request and response.
const seedCtx = [1748048713, 2644528514, 4267727253, 2252747490, 4036182088, 2253856463, 526139147, 2194267752];
const seedPart = { hashCtx: seedCtx, partNumber: 46, partOffset: 471859200, partSize: 10485760 };
const seedUrl =
  "https://b10-obs-ykj-uat-01.obs.cidc-rp-2006.joint.cmecloud.cn/4e8108ee15fa471cbe5f18f03e8b555b086?partNumber=46&uploadId=0000019039E1E8520006EBE63B492EDB&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240621T082041Z&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=3600&X-Amz-Credential=MKRISPBZAJWFHNBJ5WLB%2F20240621%2Fcidc-rp-2006%2Fs3%2Faws4_request&X-Amz-Iteration-Hash-Ctx=eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlsxNzQ4MDQ4NzEzLDI2NDQ1Mjg1MTQsNDI2NzcyNzI1MywyMjUyNzQ3NDkwLDQwMzYxODIwODgsMjI1Mzg1NjQ2Myw1MjYxMzkxNDcsMjE5NDI2Nzc1Ml0sIm5oIjowLCJubCI6Mzc3NDg3MzYwMCwiaGFzaF90eXBlIjoic2hhMjU2In0%3D&X-Amz-Signature=d3e7f60f45c8fd3960e697c57bb7d1c386dd20940b860fd976ba77425767d65e";

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let replies: Reply[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const reply = replies.shift() ?? { status: 500, body: { code: 13000201, msg: "no reply queued" } };
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function queue(...next: Reply[]): void {
  received = [];
  replies = next;
}

/** Recomputes the app-auth Authorization header from the raw request, independently of the client's signer. */
function expectedAppAuthorization(req: Received, appId: string, secret: string): string {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  const path = req.url.split("?")[0] ?? "";
  const canonical = [
    req.method,
    path.endsWith("/") ? path : `${path}/`,
    "",
    `host:${req.headers.host}\nx-date:${req.headers["x-date"]}\nx-user-id:${req.headers["x-user-id"]}\n`,
    "host;x-date;x-user-id",
    sha(req.body),
  ].join("\n");
  const signature = createHmac("sha256", secret)
    .update(`HMAC-SHA256\n${sha(canonical)}`)
    .digest("hex");
  return `HMAC-SHA256 AppId=${appId},SignedHeaders=host;x-date;x-user-id,Signature=${signature}`;
}

describe("createKoodriveClient against a loopback KooDrive", () => {
  it("sends the bearer token and the common headers, and returns the seed answer typed", async () => {
    queue({ status: 200, body: { multiParts: [{ ...seedPart, uploadUrl: seedUrl }], code: 0, msg: "Success." } });
    const client = createKoodriveClient({ baseUrl, userId: "1020304050607080", auth: { type: "bearer", token: () => TOKEN }, language: "en-US", now: clock });

    const result = await client.getMultipartUploadUrl({ fileId: "Fqo2kYHmsgWg5whxzYHZLL7mebXbBr1no", multiParts: [seedPart] });

    expect(result.code).toBe(0);
    expect(result.multiParts?.[0]?.uploadUrl).toBe(seedUrl);
    expect(result.multiParts?.[0]?.hashCtx).toEqual(seedCtx);
    const [req] = received;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/koodrive/ose/v1/files/multipart/uploadUrl");
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers["x-user-id"]).toBe("1020304050607080");
    expect(req?.headers["x-date"]).toBe("20251103T070140Z");
    expect(req?.headers["x-traceid"]).toMatch(/^[0-9a-f]{58}$/);
    expect(req?.headers.language).toBe("en-US");
    expect(JSON.parse(req?.body ?? "")).toEqual({ fileId: "Fqo2kYHmsgWg5whxzYHZLL7mebXbBr1no", multiParts: [seedPart] });
  });

  it("signs app-auth requests so the server can recompute the HMAC from the raw request", async () => {
    queue({ status: 200, body: { code: 0, msg: "Success.", fileId: "F1" } }, { status: 200, body: { code: "0", msg: "success." } });
    const traceIds = ["t".repeat(58), "u".repeat(58)];
    const client = createKoodriveClient({
      baseUrl,
      userId: "u-42",
      auth: { type: "app", appId: "app-7", appSecret: APP_SECRET },
      traceId: () => traceIds.shift() ?? "",
      now: clock,
    });

    const created = await client.createFile({ fileName: "a.bin", fileType: "45", parentFolder: ["root"], length: 3, uploadMode: "multipart", uploadType: 1, autoRename: 2 });
    const completed = await client.completeFile({ fileId: created.fileId, sha256: "a".repeat(64) });

    expect(created.fileId).toBe("F1");
    expect(completed.code).toBe("0");
    expect(received).toHaveLength(2);
    for (const req of received) {
      expect(req.headers.authorization).toBe(expectedAppAuthorization(req, "app-7", APP_SECRET));
      expect(req.headers["x-user-id"]).toBe("u-42");
      expect(req.headers["x-date"]).toBe("20251103T070140Z");
      expect(req.headers.language).toBeUndefined();
    }
    expect(received.map((req) => req.headers["x-traceid"])).toEqual(["t".repeat(58), "u".repeat(58)]);
  });

  it("turns a non-zero code into a typed VendorApiError, even on HTTP 200", async () => {
    queue({ status: 200, body: { code: 13000402, msg: "FILE_COMPLETE_CHECK_FAILURE" }, headers: { "x-request-id": "req-9" } });
    const client = createKoodriveClient({ baseUrl, userId: "u", auth: { type: "bearer", token: TOKEN }, now: clock });

    const error = await client.completeFile({ fileId: "F1" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(VendorApiError);
    const apiError = error as VendorApiError;
    expect(apiError).toMatchObject({ vendor: "koodrive", vendorCode: "13000402", vendorMessage: "FILE_COMPLETE_CHECK_FAILURE", status: 200, requestId: "req-9", retryable: false });
    expect(apiError.message).toContain("upload the whole file again");
  });

  it("marks 13000201 and 13000403 retryable, given as string or number", async () => {
    queue(
      { status: 500, body: { code: "13000201", msg: "INNER_INVOKE_FAILURE" } },
      { status: 200, body: { code: 13000403, msg: "CHANGE_FILE_STATE_FAILURE" } },
      { status: 400, body: { code: 13000102, msg: "PARAMETER_INVALID" } },
    );
    const client = createKoodriveClient({ baseUrl, userId: "u", auth: { type: "bearer", token: TOKEN }, now: clock });
    const errors = [];
    for (let i = 0; i < 3; i++) errors.push((await client.completeFile({ fileId: "F1" }).catch((e: unknown) => e)) as VendorApiError);

    expect(errors.map((e) => [e.vendorCode, e.status, e.retryable])).toEqual([
      ["13000201", 500, true],
      ["13000403", 200, true],
      ["13000102", 400, false],
    ]);
  });

  it("never shows the token, the app secret or the signature in an error", async () => {
    const bearer = createKoodriveClient({ baseUrl, userId: "u", auth: { type: "bearer", token: async () => TOKEN }, now: clock });
    const app = createKoodriveClient({ baseUrl, userId: "u", auth: { type: "app", appId: "a", appSecret: APP_SECRET }, now: clock });
    // The first request learns the app signature, the second answer echoes it (servers do echo headers in errors).
    queue({ status: 200, body: { code: 0 } });
    await app.completeFile({ fileId: "F1" });
    const signature = String(received[0]?.headers.authorization).split("Signature=")[1] ?? "";
    expect(signature).toMatch(/^[0-9a-f]{64}$/);

    for (const [client, secrets] of [
      [bearer, [TOKEN]],
      [app, [APP_SECRET, signature]],
    ] as const) {
      queue({ status: 401, body: { code: 13000101, msg: `rejected ${secrets.join(" and ")}` } });
      const error = (await client.completeFile({ fileId: "F1" }).catch((e: unknown) => e)) as VendorApiError;
      expect(error).toBeInstanceOf(VendorApiError);
      expect(error.vendorMessage).toContain("rejected ***");
      for (const text of [error.message, String(error), JSON.stringify(error)]) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
    }
  });

  it("reports an unreachable endpoint as a retryable TransportError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createKoodriveClient({ baseUrl: `http://127.0.0.1:${port}`, userId: "u", auth: { type: "bearer", token: TOKEN } });

    const error = await client.completeFile({ fileId: "F1" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).retryable).toBe(true);
  });
});
