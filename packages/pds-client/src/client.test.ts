import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidClientOptionsError, VendorApiError } from "@direct-upload/client-core";
import { createPdsClient } from "./index.js";

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const TOKEN = "pds-access-token-71c3";
const SHARE_TOKEN = "pds-share-token-0b9e";

// The seed GetUploadUrl example (docs page), trimmed to the fields that matter plus the context forms.
const seedAnswer = {
  domain_id: "bj1",
  drive_id: "1",
  file_id: "5d5b846942cf94fa72324c14a4bda34e81da635d",
  upload_id: "10166D06127B413BA1EC8ABB1144D111",
  create_at: "2019-09-11T16:34:36.977Z",
  part_info_list: [
    {
      part_number: 1,
      part_size: 1024,
      upload_url: "",
      internal_upload_url: "",
      etag: "0CC175B9C0F1B6A831C399E269772661",
      parallel_sha1_ctx: { h: [0], part_offset: 0 },
      signature_info: { auth_type: "", signature: "", sts_token: "" },
      parallel_sha256_ctx: { h: [0], part_offset: 0 },
    },
  ],
};

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
      received.push({ url: req.url ?? "", headers: req.headers, body: body ? JSON.parse(body) : undefined });
      const reply = replies.shift() ?? { status: 500, body: { code: "InternalError", message: "no reply queued" } };
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

const ids = { drive_id: "1", file_id: seedAnswer.file_id, upload_id: seedAnswer.upload_id };

describe("createPdsClient against a loopback PDS", () => {
  it("sends the bearer token, no share token by default, and returns the seed answer typed", async () => {
    queue({ status: 200, body: seedAnswer });
    const client = createPdsClient({ baseUrl, token: TOKEN });

    const answer = await client.getUploadUrl({ ...ids, part_info_list: [{ part_number: 1, parallel_sha1_ctx: { h: [], part_offset: 0 } }] });

    expect(answer).toEqual(seedAnswer);
    expect(answer.part_info_list?.[0]?.parallel_sha1_ctx?.h).toEqual([0]);
    const [req] = received;
    expect(req?.url).toBe("/v2/file/get_upload_url");
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers["x-share-token"]).toBeUndefined();
    expect(req?.body).toEqual({ ...ids, part_info_list: [{ part_number: 1, parallel_sha1_ctx: { h: [], part_offset: 0 } }] });
  });

  it("runs create (201), list and complete with refreshed tokens and the share token", async () => {
    queue(
      {
        status: 201,
        body: { file_id: ids.file_id, upload_id: ids.upload_id, rapid_upload: false, part_info_list: [{ part_number: 1, upload_url: "https://oss.example.test/p1" }] },
      },
      { status: 200, body: { file_id: ids.file_id, upload_id: ids.upload_id, uploaded_parts: [{ part_number: 1, etag: "E1", part_size: 3 }], next_part_number_marker: "" } },
      { status: 200, body: { file_id: ids.file_id, name: "a.bin", size: 3, content_hash: "A9993E364706816ABA3E25717850C26C9CD0D89D", content_hash_name: "sha1" } },
    );
    const tokens = ["t-one-0001", "t-two-0002", "t-three-03"];
    const client = createPdsClient({ baseUrl, token: () => tokens.shift() ?? "", shareToken: async () => SHARE_TOKEN });

    const created = await client.createFile({ share_id: "7JQX1FswpQ8", parent_file_id: "root", name: "a.bin", type: "file", size: 3, parallel_upload: true });
    const listed = await client.listUploadedParts({ share_id: "7JQX1FswpQ8", file_id: created.file_id, upload_id: created.upload_id ?? "", limit: 100 });
    const file = await client.completeFile({
      share_id: "7JQX1FswpQ8",
      file_id: created.file_id,
      upload_id: listed.upload_id ?? "",
      part_info_list: [{ part_number: 1, etag: "E1" }],
    });

    expect(created.part_info_list?.[0]?.upload_url).toBe("https://oss.example.test/p1");
    expect(listed.uploaded_parts?.[0]?.etag).toBe("E1");
    expect(file.content_hash).toBe("A9993E364706816ABA3E25717850C26C9CD0D89D");
    expect(received.map((r) => [r.url, r.headers.authorization, r.headers["x-share-token"]])).toEqual([
      ["/v2/file/create", "Bearer t-one-0001", SHARE_TOKEN],
      ["/v2/file/list_uploaded_parts", "Bearer t-two-0002", SHARE_TOKEN],
      ["/v2/file/complete", "Bearer t-three-03", SHARE_TOKEN],
    ]);
  });

  it("authenticates a share-link call with the share token alone when no access token is given", async () => {
    const stored = { file_id: ids.file_id, name: "a.bin", size: 3, status: "available" };
    queue({ status: 200, body: stored });
    const client = createPdsClient({ baseUrl, shareToken: SHARE_TOKEN });

    expect(await client.getFile({ share_id: "7JQX1FswpQ8", file_id: ids.file_id })).toEqual(stored);
    expect(received.map((r) => [r.headers.authorization, r.headers["x-share-token"]])).toEqual([[undefined, SHARE_TOKEN]]);
  });

  it("reads a file with get (the confirmation after NotFound.UploadId), share id and share token included", async () => {
    const stored = {
      file_id: ids.file_id,
      name: "a.bin",
      size: 3,
      status: "available",
      content_hash: "A9993E364706816ABA3E25717850C26C9CD0D89D",
      content_hash_name: "sha1",
      crc64_hash: "2354942593294584227",
    };
    queue({ status: 200, body: stored });
    const client = createPdsClient({ baseUrl, token: TOKEN, shareToken: SHARE_TOKEN });

    expect(await client.getFile({ share_id: "7JQX1FswpQ8", file_id: ids.file_id })).toEqual(stored);
    expect(received.map((r) => [r.url, r.headers["x-share-token"], r.body])).toEqual([["/v2/file/get", SHARE_TOKEN, { share_id: "7JQX1FswpQ8", file_id: ids.file_id }]]);
  });

  it("maps {code, message} and the x-ca-request-id header to a typed VendorApiError", async () => {
    queue({ status: 404, body: { code: "NotFound.UploadId", message: "The resource upload_id cannot be found." }, headers: { "x-ca-request-id": "RID-1" } });
    const client = createPdsClient({ baseUrl, token: TOKEN });

    const error = (await client.completeFile(ids).catch((e: unknown) => e)) as VendorApiError;

    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({
      vendor: "pds",
      status: 404,
      vendorCode: "NotFound.UploadId",
      vendorMessage: "The resource upload_id cannot be found.",
      requestId: "RID-1",
      retryable: false,
    });
    expect(error.message).toContain("read the file to confirm");
  });

  it("accepts {Code, Message, RequestId} casing and gateway headers; 429 and 5xx are retryable", async () => {
    queue(
      { status: 429, body: { Code: "TooManyRequests", Message: "slow down", RequestId: "RID-2" } },
      { status: 503, body: "", headers: { "x-ca-error-code": "ServiceUnavailable", "x-ca-error-message": "gateway busy", "x-ca-request-id": "RID-3" } },
      { status: 409, body: { code: "AlreadyExist.File", message: "The resource file has already exists." } },
    );
    const client = createPdsClient({ domainId: "ignored", baseUrl, token: TOKEN });
    const errors = [];
    for (let i = 0; i < 3; i++) errors.push((await client.getUploadUrl({ ...ids, part_info_list: [{ part_number: 1 }] }).catch((e: unknown) => e)) as VendorApiError);

    expect(errors.map((e) => [e.vendorCode, e.vendorMessage, e.requestId, e.status, e.retryable])).toEqual([
      ["TooManyRequests", "slow down", "RID-2", 429, true],
      ["ServiceUnavailable", "gateway busy", "RID-3", 503, true],
      ["AlreadyExist.File", "The resource file has already exists.", undefined, 409, false],
    ]);
  });

  it("never shows the access token or share token in an error", async () => {
    queue({ status: 401, body: { code: "AccessTokenInvalid", message: `token ${TOKEN} with share ${SHARE_TOKEN} is invalid` } });
    const client = createPdsClient({ baseUrl, token: TOKEN, shareToken: SHARE_TOKEN });

    const error = (await client.completeFile(ids).catch((e: unknown) => e)) as VendorApiError;

    expect(error).toBeInstanceOf(VendorApiError);
    expect(error.vendorMessage).toBe("token *** with share *** is invalid");
    for (const text of [error.message, String(error), JSON.stringify(error)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SHARE_TOKEN);
    }
  });

  it("builds the endpoint from the domain id and refuses to guess without one", async () => {
    expect(() => createPdsClient({ token: TOKEN })).toThrow(InvalidClientOptionsError);
    const urls: string[] = [];
    // The injected fetch records where the request would go, then forwards it to the loopback server.
    const client = createPdsClient({
      domainId: "bj1",
      token: TOKEN,
      fetch: (request) => {
        urls.push(request.url);
        return fetch(new Request(`${baseUrl}${new URL(request.url).pathname}`, request));
      },
    });
    queue({ status: 200, body: { file_id: "f" } });

    expect(await client.completeFile(ids)).toEqual({ file_id: "f" });
    expect(urls).toEqual(["https://bj1.api.aliyunpds.com/v2/file/complete"]);
  });
});
