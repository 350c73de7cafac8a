import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransportError, VendorApiError } from "@direct-upload/client-core";
import { createHbrClient, createTempFileUploadUrl, EMPTY_BODY_SHA256, type HbrClientOptions } from "./index.js";
import { sdkAuthorization, sdkPayloadHash } from "../test/helpers/alicloud-sdk.js";

const ACCESS_KEY_ID = "LTAI5tTestKeyId0001";
const ACCESS_KEY_SECRET = "hbr-test-secret-7f3c9a";
const SECURITY_TOKEN = "CAIS-sts-token-4d2e8b==";
const clock = () => new Date("2025-11-03T07:01:40.123Z");

// The seed's sample success response.
const seedBody = {
  Endpoint: "oss-cn-shenzhen.aliyuncs.com",
  RequestId: "F4EEB401-DD21-588D-AE3B-1E835C7655E1",
  ExpireTime: 1654326678,
  Success: true,
  Code: "200",
  TempFileKey: "temp/1440155109798732/upload/2022-07-29/49bed34c-b430-4e7e-89b1-4be2b734f95c/iaclone.diff",
  Message: "successful",
  BucketName: "hbr-temp-bucket",
  OssAccessKeyId: "LTAI****Up",
  Policy: "eyJleH****V19",
  Signature: "RmhI****0A=",
};

interface Received {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** What Alibaba's SDK signer computes for this raw request with the server's copy of the secret. */
  expectedAuthorization: string;
}
interface Reply {
  status: number;
  body: unknown;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let replies: Reply[] = [];

/** Recomputes the ACS3 signature of the raw request like HBR would, with Alibaba's SDK code. */
function verify(method: string, url: URL, headers: IncomingHttpHeaders): string {
  const signed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string" && (name === "host" || name === "content-type" || name.startsWith("x-acs-"))) signed[name] = value;
  }
  const query = Object.fromEntries(url.searchParams);
  return sdkAuthorization({ method, pathname: url.pathname, query, headers: signed }, ACCESS_KEY_ID, ACCESS_KEY_SECRET);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const method = req.method ?? "";
      const url = new URL(req.url ?? "/", "http://placeholder");
      const expectedAuthorization = verify(method, url, req.headers);
      received.push({ method, url, headers: req.headers, body, expectedAuthorization });
      const signatureOk = req.headers.authorization === expectedAuthorization && req.headers["x-acs-content-sha256"] === sdkPayloadHash(body);
      const reply: Reply = signatureOk
        ? (replies.shift() ?? { status: 500, body: { Code: "InternalError", Message: "no reply queued", RequestId: "R-0" } })
        : {
            status: 403,
            body: {
              RequestId: "8B3A2F4E-5C6D-5E7F-9A01-B2C3D4E5F607",
              HostId: req.headers.host,
              Code: "SignatureDoesNotMatch",
              // Deliberately echoes what the client sent, to prove the client scrubs it.
              Message: `Specified signature is not matched with our calculation. Received: ${req.headers.authorization}`,
              Recommend: "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=hbr",
            },
          };
      res.writeHead(reply.status, { "content-type": "application/json;charset=utf-8" });
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

function client(overrides: Partial<HbrClientOptions> = {}) {
  let n = 0;
  return createHbrClient({
    baseUrl,
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    now: clock,
    nonce: () => `nonce-${++n}`,
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("createHbrClient against a loopback HBR", () => {
  it("signs exactly like Alibaba's SDK and returns the seed answer typed", async () => {
    queue({ status: 200, body: seedBody });

    const result = await createTempFileUploadUrl(client(), "file-list.txt");

    expect(result).toEqual(seedBody);
    expect(result.ExpireTime).toBe(1654326678);
    const [req] = received;
    expect(req?.method).toBe("POST");
    expect(req?.url.pathname).toBe("/");
    expect(req?.url.search).toBe("?FileName=file-list.txt");
    expect(req?.body).toBe("");
    expect(req?.headers).toMatchObject({
      "x-acs-action": "CreateTempFileUploadUrl",
      "x-acs-version": "2017-09-08",
      "x-acs-date": "2025-11-03T07:01:40Z",
      "x-acs-signature-nonce": "nonce-1",
      "x-acs-content-sha256": EMPTY_BODY_SHA256,
      accept: "application/json",
    });
    expect(
      Object.keys(req?.headers ?? {})
        .filter((name) => name.startsWith("x-acs-"))
        .sort(),
    ).toEqual(["x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"]);
    expect(req?.headers.authorization).toBe(req?.expectedAuthorization);
    expect(req?.headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/,
    );
  });

  it("signs STS headers and awkward file names, with a fresh nonce per call", async () => {
    const fileName = "报告 2024 (final)*!'~+&=.txt";
    queue({ status: 200, body: seedBody }, { status: 200, body: seedBody });
    const hbr = client({ securityToken: SECURITY_TOKEN });

    await createTempFileUploadUrl(hbr, fileName);
    await createTempFileUploadUrl(hbr, fileName);

    const [first, second] = received;
    expect(first?.url.searchParams.get("FileName")).toBe(fileName);
    expect(first?.headers["x-acs-security-token"]).toBe(SECURITY_TOKEN);
    expect(first?.headers["x-acs-accesskey-id"]).toBe(ACCESS_KEY_ID);
    expect(first?.headers.authorization).toContain("SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;");
    expect(first?.headers.authorization).toBe(first?.expectedAuthorization);
    expect(second?.headers["x-acs-signature-nonce"]).toBe("nonce-2");
    expect(second?.headers.authorization).toBe(second?.expectedAuthorization);
  });

  it("throws SignatureDoesNotMatch as a typed error that never shows the secret, token or signature", async () => {
    queue();
    const hbr = client({ accessKeySecret: "wrong-secret-value", securityToken: SECURITY_TOKEN });

    const error = await rejection(createTempFileUploadUrl(hbr, "file-list.txt"));

    expect(error).toBeInstanceOf(VendorApiError);
    const apiError = error as VendorApiError;
    expect(apiError).toMatchObject({
      vendor: "hbr",
      operation: "CreateTempFileUploadUrl",
      status: 403,
      vendorCode: "SignatureDoesNotMatch",
      requestId: "8B3A2F4E-5C6D-5E7F-9A01-B2C3D4E5F607",
      retryable: false,
    });
    expect(apiError.vendorMessage).toMatch(/^Specified signature is not matched with our calculation\./);
    const sentSignature = /Signature=([0-9a-f]{64})$/.exec(received[0]?.headers.authorization ?? "")?.[1];
    expect(sentSignature).toBeDefined();
    const text = [apiError.message, String(apiError), JSON.stringify(apiError), apiError.stack ?? ""].join("\n");
    for (const secret of ["wrong-secret-value", SECURITY_TOKEN, sentSignature ?? "unset"]) expect(text).not.toContain(secret);
    expect(text).toContain("***");
  });

  it("treats HTTP 200 with Success=false as a typed business failure", async () => {
    queue({
      status: 200,
      body: { RequestId: "0F6A3C2E-7B1D-5E8A-9C4F-2D1B3A5E6F70", Success: false, Code: "InvalidParameter", Message: "The specified parameter FileName is not valid." },
    });

    const error = await rejection(createTempFileUploadUrl(client(), "bad/name"));

    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({
      status: 200,
      vendorCode: "InvalidParameter",
      vendorMessage: "The specified parameter FileName is not valid.",
      requestId: "0F6A3C2E-7B1D-5E8A-9C4F-2D1B3A5E6F70",
      retryable: false,
    });
  });

  it("marks throttling and 5xx answers retryable", async () => {
    queue(
      { status: 400, body: { Code: "Throttling.User", Message: "Request was denied due to user flow control.", RequestId: "R-1" } },
      { status: 503, body: { Code: "ServiceUnavailable", Message: "The request has failed due to a temporary failure of the server.", RequestId: "R-2" } },
    );
    const hbr = client();

    const throttled = await rejection(createTempFileUploadUrl(hbr, "a.txt"));
    const unavailable = await rejection(createTempFileUploadUrl(hbr, "a.txt"));

    expect(throttled).toMatchObject({ status: 400, vendorCode: "Throttling.User", requestId: "R-1", retryable: true });
    expect(unavailable).toMatchObject({ status: 503, vendorCode: "ServiceUnavailable", requestId: "R-2", retryable: true });
  });

  it("reports an aborted call as a TransportError", async () => {
    queue({ status: 200, body: seedBody });

    const error = await rejection(createTempFileUploadUrl(client(), "a.txt", { signal: AbortSignal.abort() }));

    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: "aborted", operation: "CreateTempFileUploadUrl" });
  });
});
