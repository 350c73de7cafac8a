import { createHash, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pdsCaller, plan } from "../../../test/helpers/pds-api.js";
import { startSandbox, type Sandbox } from "../../sandbox.js";
import { createPdsVendor, type PdsOptions } from "./index.js";

type Created = { file_id: string; file_name?: string; upload_id?: string; exist?: boolean; rapid_upload?: boolean; part_info_list?: { part_number: number; upload_url: string }[] };
type FileBody = { file_id: string; name: string; status: string; content_hash?: string; crc64_hash?: string; size: number };

/** The behaviours the official PDS SDK relies on (vendor-conformance.md): names, rapid upload, serial CRC-64, paging, shares. */
describe("PDS sandbox as the official SDK uses it", () => {
  let sandbox: Sandbox;
  let info: Record<string, string>;
  const api = pdsCaller(() => info);
  const start = async (options: PdsOptions = {}) => {
    sandbox = await startSandbox({ vendors: [createPdsVendor(options)] });
    info = sandbox.vendors.pds!;
  };
  beforeEach(() => start());
  afterEach(() => sandbox.stop());

  const sha1 = (bytes: Uint8Array) => createHash("sha1").update(bytes).digest("hex");
  /** A one-part serial upload of `bytes`, completed; returns the File. */
  async function upload(name: string, bytes: Buffer, extra: Record<string, unknown> = {}, complete: Record<string, unknown> = {}) {
    const created = await api<Created>("create", { parent_file_id: "root", name, type: "file", size: bytes.length, content_hash_name: "sha1", ...extra });
    expect(created.status).toBe(201);
    const url = created.body.part_info_list![0]!.upload_url;
    expect((await fetch(url, { method: "PUT", body: new Uint8Array(bytes) })).status).toBe(200);
    return api<FileBody>("complete", { file_id: created.body.file_id, upload_id: created.body.upload_id, ...complete });
  }

  it("answers every check_name_mode as the service does: refuse reports exist, auto_rename renames, ignore duplicates, file_id makes a version", async () => {
    const first = await upload("a.txt", Buffer.from("first"));
    const body = { parent_file_id: "root", name: "a.txt", type: "file", size: 6 };
    const refused = await api<Created>("create", { ...body, check_name_mode: "refuse" });
    expect(refused.status).toBe(201);
    expect(refused.body).toMatchObject({ exist: true, file_id: first.body.file_id, file_name: "a.txt" });
    expect(refused.body.upload_id).toBeUndefined();
    expect((await api<Created>("create", { ...body, check_name_mode: "auto_rename" })).body.file_name).toBe("a(1).txt");
    const duplicate = await api<Created>("create", { ...body, check_name_mode: "ignore" });
    expect(duplicate.body).toMatchObject({ file_name: "a.txt", exist: false });
    expect(duplicate.body.file_id).not.toBe(first.body.file_id);

    const version = await upload("a.txt", Buffer.from("second"), { file_id: first.body.file_id, check_name_mode: "refuse" });
    expect(version.body).toMatchObject({ file_id: first.body.file_id, name: "a.txt", content_hash: sha1(Buffer.from("second")).toUpperCase() });
    expect((await api<FileBody>("get", { file_id: first.body.file_id })).body).toMatchObject({ size: 6, status: "available" });
    expect(await api("create", { ...body, file_id: "missing" })).toMatchObject({ status: 404, body: { code: "NotFound.File" } });
  });

  it("rapid-uploads known content by SHA-1 or SHA-256 and a 0-byte file at once; a pre_hash match alone answers 409", async () => {
    const bytes = randomBytes(300_000);
    await upload("big.bin", bytes);
    const body = { parent_file_id: "root", type: "file", size: bytes.length };
    const rapid = await api<Created>("create", { ...body, name: "copy.bin", content_hash_name: "sha1", content_hash: sha1(bytes).toUpperCase() });
    expect(rapid.body).toMatchObject({ rapid_upload: true, exist: false, file_name: "copy.bin" });
    expect(rapid.body.upload_id).toBeUndefined();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect((await api<Created>("create", { ...body, name: "copy2.bin", content_hash_name: "sha256", content_hash: sha256 })).body.rapid_upload).toBe(true);
    expect((await api<FileBody>("get", { file_id: rapid.body.file_id })).body).toMatchObject({ status: "available", size: bytes.length, content_hash: sha1(bytes).toUpperCase() });

    const empty = await api<Created>("create", { ...body, size: 0, name: "empty", content_hash_name: "sha1", content_hash: sha1(new Uint8Array()) });
    expect(empty.body.rapid_upload).toBe(true);

    const preHash = sha1(bytes.subarray(0, 1024));
    expect(await api("create", { ...body, name: "pre.bin", content_hash_name: "sha1", pre_hash: preHash })).toMatchObject({ status: 409, body: { code: "PreHashMatched" } });
    const other = await api<Created>("create", { ...body, name: "pre.bin", content_hash_name: "sha1", pre_hash: sha1(randomBytes(1024)) });
    expect(other.body).toMatchObject({ rapid_upload: false });
    expect(other.body.upload_id).toEqual(expect.any(String));
  });

  it("checks crc64_hash on a serial complete and returns the CRC-64/ECMA-182 OSS computed", async () => {
    // 11051210869376104954 is the CRC-64/XZ check value of "123456789" (RevEng catalogue).
    const done = await upload("check.txt", Buffer.from("123456789"), {}, { crc64_hash: "11051210869376104954" });
    expect(done.body.crc64_hash).toBe("11051210869376104954");
    const wrong = await upload("wrong.txt", Buffer.from("123456780"), {}, { crc64_hash: "11051210869376104954" });
    expect(wrong).toMatchObject({ status: 400, body: { code: "InvalidParameterNotMatch.Crc64Hash" } });
  });

  it("refuses parallel upload on a domain without it", async () => {
    await sandbox.stop();
    await start({ parallelUpload: false });
    const res = await api("create", {
      parent_file_id: "root",
      name: "p.bin",
      type: "file",
      size: 10,
      parallel_upload: true,
      part_info_list: [{ part_number: 1, parallel_sha1_ctx: { h: [], part_offset: 0 } }],
    });
    expect(res).toMatchObject({ status: 400, body: { code: "InvalidParameterNotSupported.ParallelUpload" } });
    expect((await upload("s.bin", Buffer.from("serial"))).status).toBe(200);
  });

  it("uploads through the share link with x-share-token, and refuses a wrong share token", async () => {
    const share = { "x-share-token": info.shareToken! };
    const created = await api<Created>("create", { share_id: info.shareId, parent_file_id: "root", name: "shared.txt", type: "file", size: 2 }, info.token, share);
    expect(created.status).toBe(201);
    await fetch(created.body.part_info_list![0]!.upload_url, { method: "PUT", body: Buffer.from("hi") });
    const done = await api<FileBody>("complete", { share_id: info.shareId, file_id: created.body.file_id, upload_id: created.body.upload_id }, info.token, share);
    expect(done).toMatchObject({ status: 200, body: { name: "shared.txt", size: 2 } });
    const denied = await api("get", { share_id: info.shareId, file_id: created.body.file_id }, info.token, { "x-share-token": "wrong" });
    expect(denied).toMatchObject({ status: 401, body: { code: "ShareLinkTokenInvalid" } });
  });

  it("takes the share token alone for its share link, and not for a drive", async () => {
    const alone = (body: Record<string, unknown>) =>
      fetch(`${info.baseUrl}/v2/file/create`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-share-token": info.shareToken! },
        body: JSON.stringify({ parent_file_id: "root", name: "alone.txt", type: "file", size: 2, ...body }),
      });
    expect((await alone({ share_id: info.shareId })).status).toBe(201);
    const drive = await alone({ drive_id: info.driveId });
    expect(drive.status).toBe(401);
    expect(await drive.json()).toMatchObject({ code: "AccessTokenInvalid" });
  });

  it("answers AlreadyExist.File to get_upload_url and complete of an upload that a rapid upload finished", async () => {
    const bytes = Buffer.from("the same content twice");
    await upload("first.txt", bytes);
    const open = await api<Created>("create", { parent_file_id: "root", name: "second.txt", type: "file", size: bytes.length, content_hash_name: "sha1" });
    const rapid = await api<Created>("create", {
      parent_file_id: "root",
      name: "second.txt",
      type: "file",
      file_id: open.body.file_id,
      size: bytes.length,
      content_hash_name: "sha1",
      content_hash: sha1(bytes).toUpperCase(),
    });
    expect(rapid.body).toMatchObject({ rapid_upload: true, file_id: open.body.file_id });
    const ids = { file_id: open.body.file_id, upload_id: open.body.upload_id };
    expect(await api("get_upload_url", { ...ids, part_info_list: [{ part_number: 1 }] })).toMatchObject({ status: 409, body: { code: "AlreadyExist.File" } });
    expect(await api("complete", ids)).toMatchObject({ status: 409, body: { code: "AlreadyExist.File" } });
    expect((await api("list_uploaded_parts", ids)).status).toBe(200);
  });

  it("keeps the context a part was declared with when get_upload_url names it alone, as the SDK's resume does", async () => {
    const data = randomBytes(3 * 102_400 + 5);
    const parts = await plan("sha1", data, [102_400, 102_400, 102_400, 5]);
    const body = { parent_file_id: "root", type: "file", size: data.length, parallel_upload: true };
    const created = await api<Created>("create", { ...body, name: "ctx.bin", part_info_list: parts.map((p) => ({ part_number: p.part_number, parallel_sha1_ctx: p.ctx })) });
    const ids = { file_id: created.body.file_id, upload_id: created.body.upload_id };
    const again = await api<Created>("get_upload_url", { ...ids, part_info_list: parts.map((p) => ({ part_number: p.part_number })) });
    expect(again.status).toBe(200);
    for (const target of again.body.part_info_list!) {
      const part = parts[target.part_number - 1]!;
      expect((await fetch(target.upload_url, { method: "PUT", body: data.subarray(part.from, part.to) })).status).toBe(200);
    }
    expect((await api<FileBody>("complete", ids)).body.content_hash?.toLowerCase()).toBe(sha1(data));
    // A part never declared still needs its context.
    const fresh = await api<Created>("create", { ...body, name: "ctx2.bin" });
    const bare = await api("get_upload_url", { file_id: fresh.body.file_id, upload_id: fresh.body.upload_id, part_info_list: [{ part_number: 2 }] });
    expect(bare).toMatchObject({ status: 400, body: { code: "InvalidParameterWrongFormat.PartInfoList" } });
  });

  it("accepts a create listing 9,000 parts with SHA-256 contexts (a body over 1 MiB)", async () => {
    const partSize = 102_400;
    const parts = Array.from({ length: 9000 }, (_, i) => ({
      part_number: i + 1,
      parallel_sha256_ctx: { h: i === 0 ? [] : Array.from({ length: 8 }, () => 4_000_000_000 + i), part_offset: i * partSize },
    }));
    expect(JSON.stringify(parts).length).toBeGreaterThan(1024 * 1024);
    const created = await api<Created>("create", {
      parent_file_id: "root",
      name: "huge.bin",
      type: "file",
      size: 9000 * partSize,
      parallel_upload: true,
      content_hash_name: "sha256",
      part_info_list: parts,
    });
    expect(created.status).toBe(201);
    expect(created.body.part_info_list).toHaveLength(9000);
  }, 30_000);

  it("lists uploaded parts both the documented way and the SDK's way (limit 1000, marker = next - 1)", async () => {
    const count = 1001;
    const data = randomBytes(64 * count);
    const parts = await plan(
      "sha1",
      data,
      Array.from({ length: count }, () => 64),
    );
    const created = await api<Created>("create", {
      parent_file_id: "root",
      name: "many.bin",
      type: "file",
      size: data.length,
      parallel_upload: true,
      part_info_list: parts.map((p) => ({ part_number: p.part_number, parallel_sha1_ctx: p.ctx })),
    });
    const targets = created.body.part_info_list!;
    for (let i = 0; i < count; i += 50) {
      await Promise.all(targets.slice(i, i + 50).map((t) => fetch(t.upload_url, { method: "PUT", body: data.subarray(64 * (t.part_number - 1), 64 * t.part_number) })));
    }
    const ids = { file_id: created.body.file_id, upload_id: created.body.upload_id };
    type Page = { uploaded_parts: { part_number: number }[]; next_part_number_marker: string };
    const collect = async (limit: number, nextMarker: (next: number) => number) => {
      const seen: number[] = [];
      let marker = 0;
      for (let page = 0; page < 30; page++) {
        const res = await api<Page>("list_uploaded_parts", { ...ids, limit, ...(marker > 0 ? { part_number_marker: marker } : {}) });
        seen.push(...res.body.uploaded_parts.map((p) => p.part_number));
        if (!res.body.next_part_number_marker) return seen;
        marker = nextMarker(Number(res.body.next_part_number_marker));
      }
      throw new Error("paging did not end");
    };
    expect(await collect(100, (next) => next)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const sdk = await collect(1000, (next) => next - 1);
    expect(new Set(sdk).size).toBe(count);
    expect(sdk).toHaveLength(count + 1); // part 1000 is listed twice
  }, 30_000);
});
