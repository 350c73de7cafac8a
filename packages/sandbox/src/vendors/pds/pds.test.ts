import { createHash, randomBytes } from "node:crypto";
import OSS from "ali-oss";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox.js";
import type { OssCredentials } from "../../storage/pds-oss-signature.js";
import { pdsCaller, plan, type Alg, type Plan } from "../../../test/helpers/pds-api.js";
import { createPdsVendor } from "./index.js";

const oss: OssCredentials = { accessKeyId: "LTAIpdstest", accessKeySecret: "pds-test-secret" };

describe("PDS sandbox", () => {
  let sandbox: Sandbox;
  let info: Record<string, string>;
  const partSize = 64 * 4688; // 300,032 bytes: 64-aligned, above the OSS 100 KB minimum
  const data = randomBytes(2 * partSize + 12345);
  const sizes = [partSize, partSize, 12345];
  const digest = (alg: Alg) => createHash(alg).update(data).digest("hex");

  // A sandbox per test: a drive that already holds the content would answer a rapid upload.
  beforeEach(async () => {
    sandbox = await startSandbox({ vendors: [createPdsVendor({ oss })] });
    info = sandbox.vendors.pds!;
  });
  afterEach(() => sandbox.stop());

  /** Calls the API and checks the answer against specs/pds/openapi.yaml. */
  const api = pdsCaller(() => info);
  type UrlList = { part_info_list: { part_number: number; upload_url: string }[] };
  async function create(alg: Alg, parts: Plan[], extra: Record<string, unknown> = {}) {
    const field = `parallel_${alg}_ctx`;
    const res = await api<UrlList & { file_id: string; upload_id: string }>("create", {
      parent_file_id: "root",
      name: "movie.mp4",
      type: "file",
      size: data.length,
      parallel_upload: true,
      content_hash_name: alg,
      content_hash: digest(alg).toUpperCase(),
      part_info_list: parts.map((p) => ({ part_number: p.part_number, [field]: p.ctx })),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const put = (url: string, part: Plan) => fetch(url, { method: "PUT", body: data.subarray(part.from, part.to) });
  const urlOf = (list: UrlList, n: number) => list.part_info_list.find((p) => p.part_number === n)!.upload_url;

  it("uploads a parallel SHA-1 file with concurrent out-of-order parts and returns its content_hash", async () => {
    const parts = await plan("sha1", data, sizes);
    const created = await create("sha1", parts);
    expect(created.part_info_list[1]).toMatchObject({ part_number: 2, parallel_sha1_ctx: parts[1]!.ctx });
    const results = await Promise.all([3, 1, 2].map((n) => put(urlOf(created, n), parts[n - 1]!)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const etags = results.map((r) => r.headers.get("etag"));
    expect(etags[1]).toBe(`"${createHash("md5").update(data.subarray(0, partSize)).digest("hex").toUpperCase()}"`);

    const done = await api<Record<string, unknown>>("complete", {
      file_id: created.file_id,
      upload_id: created.upload_id,
      part_info_list: [3, 1, 2].map((n, i) => ({ part_number: n, etag: etags[i] })),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      file_id: created.file_id,
      name: "movie.mp4",
      size: data.length,
      status: "available",
      content_hash: digest("sha1").toUpperCase(),
      content_hash_name: "sha1",
    });
    expect(sandbox.objects.list().find((o) => o.vendor === "pds" && o.sha1 === digest("sha1"))?.sha256).toBe(digest("sha256"));
    const again = await api("complete", { file_id: created.file_id, upload_id: created.upload_id });
    expect(again).toMatchObject({ status: 404, body: { code: "NotFound.UploadId" } });
  });

  it("uploads a parallel SHA-256 file whose later URLs come from get_upload_url (part 1 sent as h: [0])", async () => {
    const parts = await plan("sha256", data, sizes);
    parts[0]!.ctx.h = [0];
    const created = await create("sha256", parts.slice(0, 1));
    const more = await api<UrlList>("get_upload_url", {
      file_id: created.file_id,
      upload_id: created.upload_id,
      part_info_list: parts.slice(1).map((p) => ({ part_number: p.part_number, parallel_sha256_ctx: p.ctx })),
    });
    expect(more.status).toBe(200);
    await Promise.all([put(urlOf(more.body, 3), parts[2]!), put(urlOf(created, 1), parts[0]!), put(urlOf(more.body, 2), parts[1]!)]);
    const done = await api<Record<string, unknown>>("complete", { file_id: created.file_id, upload_id: created.upload_id });
    expect(done.body).toMatchObject({ content_hash: digest("sha256").toUpperCase(), content_hash_name: "sha256", size: data.length });
  });

  it("fails complete when one part claims a wrong midstate", async () => {
    const parts = await plan("sha1", data, sizes);
    parts[1]!.ctx.h[2] = (parts[1]!.ctx.h[2]! ^ 0x80) >>> 0;
    const created = await create("sha1", parts);
    await Promise.all(parts.map((p) => put(urlOf(created, p.part_number), p)));
    const res = await api("complete", { file_id: created.file_id, upload_id: created.upload_id });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "InvalidParameterNotMatch.ContentHash", message: expect.stringContaining("part 2 claims a hash state") });
  });

  it("rejects bad contexts at create: unaligned offset, wrong word count, a non-empty part 1, shrinking offsets, wrong algorithm", async () => {
    const parts = await plan("sha1", data, sizes);
    const attempt = async (change: (p: Plan[]) => void, alg: Alg = "sha1") => {
      const copy = structuredClone(parts);
      change(copy);
      const res = await api("create", {
        parent_file_id: "root",
        name: "bad.bin",
        type: "file",
        size: data.length,
        parallel_upload: true,
        content_hash_name: alg,
        part_info_list: copy.map((p) => ({ part_number: p.part_number, parallel_sha1_ctx: p.ctx })),
      });
      expect(res.status).toBe(400);
      return res.body;
    };
    // The spec's schema already catches unaligned offsets and wrong word counts; the rest are the sandbox's own checks.
    expect(await attempt((p) => (p[1]!.ctx.part_offset += 32))).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("multiple of 64") });
    expect(await attempt((p) => p[2]!.ctx.h.pop())).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("parallel_sha1_ctx/h") });
    const wrongFormat = "InvalidParameterWrongFormat.PartInfoList";
    expect(await attempt((p) => (p[0]!.ctx.h = [7]))).toEqual({ code: wrongFormat, message: "part 1: must send h [] (or [0]) and part_offset 0", request_id: expect.any(String) });
    expect(await attempt((p) => (p[2]!.ctx.part_offset = p[1]!.ctx.part_offset))).toMatchObject({ code: wrongFormat, message: expect.stringContaining("must grow") });
    expect(await attempt(() => undefined, "sha256")).toMatchObject({ code: wrongFormat, message: expect.stringContaining("hashes with sha256") });
  });

  it("lets a pending part change its context but not an uploaded one", async () => {
    const parts = await plan("sha1", data, sizes);
    const created = await create("sha1", parts);
    await put(urlOf(created, 1), parts[0]!);
    const ids = { file_id: created.file_id, upload_id: created.upload_id };
    const changed = { ...parts[0]!.ctx, h: [1] };
    expect(await api("get_upload_url", { ...ids, part_info_list: [{ part_number: 1, parallel_sha1_ctx: changed }] })).toMatchObject({ status: 400 });
    const wrong2 = { ...parts[1]!.ctx, h: [1, 2, 3, 4, 5] };
    expect((await api("get_upload_url", { ...ids, part_info_list: [{ part_number: 2, parallel_sha1_ctx: wrong2 }] })).status).toBe(200);
    await put(urlOf(created, 2), parts[1]!);
    const locked = await api("get_upload_url", { ...ids, part_info_list: [{ part_number: 2, parallel_sha1_ctx: parts[1]!.ctx }] });
    expect(locked).toMatchObject({ status: 409, body: { code: "AlreadyExist.Part" } });
  });

  it("pages list_uploaded_parts and enforces limit 1..1000", async () => {
    const parts = await plan("sha1", data, sizes);
    const created = await create("sha1", parts);
    await Promise.all(parts.map((p) => put(urlOf(created, p.part_number), p)));
    const ids = { file_id: created.file_id, upload_id: created.upload_id };
    type Page = { uploaded_parts: { part_number: number; part_size: number; etag: string; parallel_sha1_ctx?: unknown }[]; next_part_number_marker: string };
    const first = await api<Page>("list_uploaded_parts", { ...ids, limit: 2 });
    expect(first.body.uploaded_parts.map((p) => [p.part_number, p.part_size])).toEqual([
      [1, partSize],
      [2, partSize],
    ]);
    expect(first.body.uploaded_parts[1]!.parallel_sha1_ctx).toEqual(parts[1]!.ctx);
    expect(first.body.next_part_number_marker).toBe("2");
    const second = await api<Page>("list_uploaded_parts", { ...ids, limit: 2, part_number_marker: 2 });
    expect(second.body.uploaded_parts.map((p) => p.part_number)).toEqual([3]);
    expect(second.body.next_part_number_marker).toBe("");
    expect((await api<Page>("list_uploaded_parts", ids)).body.uploaded_parts).toHaveLength(3);
    for (const limit of [0, 1001]) {
      expect(await api("list_uploaded_parts", { ...ids, limit })).toMatchObject({ status: 400, body: { code: "InvalidParameterOutOfRange.Limit" } });
    }
    expect(await api("list_uploaded_parts", { ...ids, upload_id: "nope" })).toMatchObject({ status: 404, body: { code: "NotFound.UploadId" } });
  });

  it("checks part URLs: ali-oss signatures pass, tampered or expired ones get OSS XML errors", async () => {
    const parts = await plan("sha1", data, sizes);
    const created = await create("sha1", parts);
    const mine = new URL(urlOf(created, 2));
    const [, , , bucket, key] = mine.pathname.split("/");
    const client = new OSS({ region: "oss-cn-sandbox", bucket, accessKeyId: oss.accessKeyId, accessKeySecret: oss.accessKeySecret, endpoint: "http://oss-sandbox.test" });
    const signed = new URL(client.signatureUrl(key!, { method: "PUT", expires: 600, subResource: { partNumber: 2, uploadId: created.upload_id } }));
    const aliUrl = `${sandbox.url}/storage/pds/${bucket}/${key}${signed.search}`;
    expect((await put(aliUrl, parts[1]!)).status).toBe(200);

    const tampered = new URL(aliUrl);
    tampered.searchParams.set("Expires", String(Number(tampered.searchParams.get("Expires")) + 60));
    const bad = await put(tampered.toString(), parts[1]!);
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

    sandbox.faults.arm("pds.part-put", { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable", message: "Please retry." });
    const injected = await put(urlOf(created, 1), parts[0]!);
    expect(injected.status).toBe(503);
    expect(await injected.text()).toContain("<Code>ServiceUnavailable</Code>");

    sandbox.faults.arm("pds.part-put", { kind: "expire-urls", times: 1 });
    const stale = await api<UrlList>("get_upload_url", {
      file_id: created.file_id,
      upload_id: created.upload_id,
      part_info_list: [{ part_number: 1, parallel_sha1_ctx: parts[0]!.ctx }],
    });
    const expired = await put(urlOf(stale.body, 1), parts[0]!);
    expect(expired.status).toBe(403);
    const text = await expired.text();
    expect(text).toContain("<Code>AccessDenied</Code>");
    expect(text).toContain("<Message>Request has expired.</Message>");
  });

  it("serial mode hashes parts in order and refuses a part before its predecessor", async () => {
    const created = await api<UrlList & { file_id: string; upload_id: string }>("create", {
      parent_file_id: "root",
      name: "serial.bin",
      type: "file",
      size: data.length,
      content_hash_name: "sha1",
      content_hash: digest("sha1"),
      part_info_list: [{ part_number: 1 }, { part_number: 2 }, { part_number: 3 }],
    });
    const parts = await plan("sha1", data, sizes);
    const early = await put(urlOf(created.body, 2), parts[1]!);
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("<Code>PartNotSequential</Code>");
    for (const p of parts) expect((await put(urlOf(created.body, p.part_number), p)).status).toBe(200);
    const done = await api<Record<string, unknown>>("complete", { file_id: created.body.file_id, upload_id: created.body.upload_id });
    expect(done.body).toMatchObject({ content_hash: digest("sha1").toUpperCase(), size: data.length });
  });

  it("refuses parts under 100 KB except the last, and requests without the bearer token", async () => {
    const small = data.subarray(0, 64 * 10);
    const parts = await plan("sha1", small, [64 * 5, 64 * 5]);
    const created = await api<UrlList & { file_id: string; upload_id: string }>("create", {
      parent_file_id: "root",
      name: "small.bin",
      type: "file",
      size: small.length,
      parallel_upload: true,
      part_info_list: parts.map((p) => ({ part_number: p.part_number, parallel_sha1_ctx: p.ctx })),
    });
    await Promise.all(parts.map((p) => put(urlOf(created.body, p.part_number), p)));
    const res = await api("complete", { file_id: created.body.file_id, upload_id: created.body.upload_id });
    expect(res).toMatchObject({ status: 400, body: { code: "EntityTooSmall" } });
    expect(await api("complete", { file_id: "x", upload_id: "y" }, "wrong")).toMatchObject({ status: 401, body: { code: "AccessTokenInvalid" } });
  });
});
