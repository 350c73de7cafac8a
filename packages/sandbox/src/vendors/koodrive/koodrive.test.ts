import { createHash, randomBytes } from "node:crypto";
import { S3Client, UploadPartCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createSHA256 } from "hash-wasm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkResponseContract, recordResponse } from "../../contract.js";
import { startSandbox, type Sandbox } from "../../sandbox.js";
import { HASH_CTX_PARAM } from "../../storage/obs-hash-ctx.js";
import type { ObsCredentials } from "../../storage/obs-sigv4.js";
import { formatXDate } from "./auth.js";
import { createKoodriveVendor } from "./index.js";

const MiB = 1024 * 1024;
const obs: ObsCredentials = { accessKeyId: "KOODRIVETESTKEY", secretAccessKey: "koodrive-test-secret", region: "sandbox-1" };

interface PartSpec {
  partNumber: number;
  partOffset: number;
  partSize: number;
  hashCtx?: number[];
}

/** Client-side midstates computed with hash-wasm (the executor's library), independent of the sandbox's noble. */
async function planParts(data: Uint8Array, sizes: number[]): Promise<PartSpec[]> {
  const hasher = await createSHA256();
  const parts: PartSpec[] = [];
  let offset = 0;
  for (const [i, partSize] of sizes.entries()) {
    const saved = hasher.save();
    const view = new DataView(saved.buffer, saved.byteOffset);
    const h = Array.from({ length: 8 }, (_, w) => view.getUint32(4 + 72 + 4 * w, true));
    parts.push({ partNumber: i + 1, partOffset: offset, partSize, ...(i > 0 ? { hashCtx: h } : {}) });
    hasher.update(data.subarray(offset, offset + partSize));
    offset += partSize;
  }
  return parts;
}

describe("KooDrive sandbox", () => {
  let sandbox: Sandbox;
  let info: Record<string, string>;
  const data = randomBytes(2 * 5 * MiB + 1000);
  const sha256 = createHash("sha256").update(data).digest("hex");
  const sizes = [5 * MiB, 5 * MiB, 1000];

  // A sandbox per test: a space that already holds the content would answer a flash upload.
  beforeEach(async () => {
    sandbox = await startSandbox({ vendors: [createKoodriveVendor({ obs })] });
    info = sandbox.vendors.koodrive!;
  });
  afterEach(() => sandbox.stop());

  const headers = (over: Record<string, string> = {}) => ({
    authorization: `Bearer ${info.token}`,
    "x-user-id": info.userId!,
    "x-date": formatXDate(Date.now()),
    "content-type": "application/json",
    ...over,
  });
  const operations = { create: "createFile", "multipart/uploadUrl": "getMultipartUploadUrl", complete: "completeFile" } as const;
  /** Calls the API and checks the answer against specs/koodrive/openapi.yaml. */
  async function api<T = { code: number; msg: string }>(path: keyof typeof operations, body: unknown, over: Record<string, string> = {}) {
    const res = await fetch(`${info.baseUrl}/koodrive/ose/v1/files/${path}`, { method: "POST", headers: headers(over), body: JSON.stringify(body) });
    const recorded = await recordResponse(res);
    expect(checkResponseContract("koodrive", operations[path], recorded)).toEqual([]);
    return { status: recorded.status, body: recorded.body as T };
  }
  async function create(length = data.length, extra: Record<string, unknown> = {}) {
    const res = await api<{ code: number; fileId: string; uploadId: string; fileName: string }>("create", {
      fileName: "video.mp4",
      fileType: "20",
      parentFolder: ["root"],
      length,
      uploadMode: "multipart",
      uploadType: 1,
      autoRename: 2,
      sha256,
      ...extra,
    });
    expect(res.status).toBe(200);
    return res.body;
  }
  async function urls(fileId: string, parts: PartSpec[]) {
    return api<{ code: number; msg: string; multiParts: (PartSpec & { uploadUrl: string; partId?: string })[] }>("multipart/uploadUrl", { fileId, multiParts: parts });
  }
  const put = (url: string, part: PartSpec) => fetch(url, { method: "PUT", body: data.subarray(part.partOffset, part.partOffset + part.partSize) });

  it("runs create → uploadUrl → concurrent out-of-order PUTs → complete, storing the exact bytes", async () => {
    const { fileId } = await create();
    const parts = await planParts(data, sizes);
    const issued = await urls(fileId, parts);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ code: 0, msg: "Success." });
    expect(issued.body.multiParts.map(({ uploadUrl: _, partId: __, ...rest }) => rest)).toEqual(parts);
    const second = new URL(issued.body.multiParts[1]!.uploadUrl);
    expect(second.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;host");
    expect(JSON.parse(Buffer.from(second.searchParams.get(HASH_CTX_PARAM)!, "base64").toString())).toEqual({
      md_len: 32,
      num: 0,
      h: parts[1]!.hashCtx,
      nh: 0,
      nl: 5 * MiB * 8,
      hash_type: "sha256",
    });

    const order = [2, 0, 1];
    const responses = await Promise.all(order.map((i) => put(issued.body.multiParts[i]!.uploadUrl, parts[i]!)));
    for (const [n, res] of responses.entries()) {
      expect(res.status).toBe(200);
      const part = parts[order[n]!]!;
      expect(res.headers.get("etag")).toBe(
        `"${createHash("md5")
          .update(data.subarray(part.partOffset, part.partOffset + part.partSize))
          .digest("hex")}"`,
      );
    }
    expect(await api("complete", { fileId, sha256 })).toEqual({ status: 200, body: { code: 0, msg: "success." } });
    const stored = sandbox.objects.list().find((o) => o.vendor === "koodrive" && o.size === data.length);
    expect(stored?.sha256).toBe(sha256);
    expect((await api("complete", { fileId })).body.code).toBe(13000401);
  });

  describe("serial parts (no partOffset, no hashCtx)", () => {
    const serialParts = sizes.map((partSize, i) => ({ partNumber: i + 1, partSize }));
    const offsetOf = (i: number) => sizes.slice(0, i).reduce((a, b) => a + b, 0);
    const putSerial = (url: string, i: number, bytes = data) => fetch(url, { method: "PUT", body: bytes.subarray(offsetOf(i), offsetOf(i) + sizes[i]!) });

    it("stores parts sent in order and checks their SHA-256, hashed in order, at complete", async () => {
      const { fileId } = await create();
      const issued = await urls(fileId, serialParts as PartSpec[]);
      expect(issued.status).toBe(200);
      // Part 1 starts at 0 in either mode; later parts echo no offset and no context.
      expect(issued.body.multiParts.map(({ uploadUrl: _, partId: __, ...rest }) => rest)).toEqual([{ ...serialParts[0], partOffset: 0 }, ...serialParts.slice(1)]);
      expect(issued.body.multiParts.every((p) => !new URL(p.uploadUrl).searchParams.has(HASH_CTX_PARAM))).toBe(true);
      for (const [i, part] of issued.body.multiParts.entries()) expect((await putSerial(part.uploadUrl, i)).status).toBe(200);
      expect(await api("complete", { fileId })).toEqual({ status: 200, body: { code: 0, msg: "success." } });
      const stored = sandbox.objects.list().find((o) => o.vendor === "koodrive" && o.size === data.length);
      expect(stored?.sha256).toBe(sha256);
    });

    it("refuses a part before the one ahead of it, other content at complete, and mixing with contexts", async () => {
      const { fileId } = await create();
      const issued = await urls(fileId, serialParts as PartSpec[]);
      const early = await putSerial(issued.body.multiParts[1]!.uploadUrl, 1);
      expect(early.status).toBe(400);
      expect(await early.text()).toContain("part 1 must be uploaded");
      const other = Buffer.from(data);
      other[offsetOf(1) + 7]! ^= 1;
      for (const [i, part] of issued.body.multiParts.entries()) expect((await putSerial(part.uploadUrl, i, other)).status).toBe(200);
      expect((await api("complete", { fileId })).body).toMatchObject({ code: 13000402, msg: expect.stringContaining("does not match") });
      const parts = await planParts(data, sizes);
      const mixed = await urls(fileId, [parts[1]!]);
      expect(mixed.body).toMatchObject({ code: 13000102, msg: expect.stringContaining("concurrent part in a serial upload") });
    });
  });

  it("answers create with the guide's fields (containerId, parentFolder, exist, rapidUpload) and bounds partNumber at 10000", async () => {
    const created = await api<Record<string, unknown>>("create", {
      fileName: "fields.bin",
      fileType: "45",
      parentFolder: ["root"],
      length: data.length,
      uploadMode: "multipart",
      uploadType: 1,
      autoRename: 2,
    });
    expect(created.body).toMatchObject({
      code: 0,
      containerId: expect.stringMatching(/^C/),
      parentFolder: ["root"],
      exist: false,
      rapidUpload: false,
      uploadId: expect.any(String),
    });
    const tooHigh = await urls(created.body.fileId as string, [{ partNumber: 10_001, partSize: 1000 } as PartSpec]);
    expect(tooHigh).toMatchObject({ status: 400, body: { code: 13000102 } });
  });

  it("fails complete with 13000402 when one part claims a wrong midstate", async () => {
    const { fileId } = await create();
    const parts = await planParts(data, sizes);
    parts[2]!.hashCtx![0] = (parts[2]!.hashCtx![0]! + 1) >>> 0;
    const issued = await urls(fileId, parts);
    await Promise.all(issued.body.multiParts.map(async (p, i) => expect((await put(p.uploadUrl, parts[i]!)).status).toBe(200)));
    const res = await api("complete", { fileId });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe(13000402);
    expect(res.body.msg).toContain("part 3 claims a hash state");
  });

  it("fails complete with 13000402 when a part is missing or the declared sha256 differs", async () => {
    const { fileId } = await create(data.length, { sha256: "0".repeat(64) });
    const parts = await planParts(data, sizes);
    const issued = await urls(fileId, parts);
    await put(issued.body.multiParts[0]!.uploadUrl, parts[0]!);
    await put(issued.body.multiParts[2]!.uploadUrl, parts[2]!);
    expect((await api("complete", { fileId })).body.msg).toContain("part 2 is missing");
    await put(issued.body.multiParts[1]!.uploadUrl, parts[1]!);
    expect((await api("complete", { fileId })).body).toMatchObject({ code: 13000402, msg: expect.stringContaining("does not match") });
  });

  it("rejects misaligned or inconsistent parts at uploadUrl with 13000102", async () => {
    const { fileId } = await create();
    const parts = await planParts(data, sizes);
    const bad = async (change: (p: PartSpec[]) => void) => {
      const copy = structuredClone(parts);
      change(copy);
      const res = await urls(fileId, copy);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(13000102);
      return res.body.msg;
    };
    expect(await bad((p) => (p[1]!.partOffset += 32))).toContain("multiple of 64");
    expect(await bad((p) => (p[0]!.partSize -= 64))).toContain("at least 5 MiB");
    expect(await bad((p) => (p[0]!.partSize += 1))).toContain("multiple of 64");
    expect(await bad((p) => (p[0]!.partOffset = 64))).toContain("part 1 must have partOffset 0");
    expect(await bad((p) => delete p[1]!.hashCtx)).toContain("needs hashCtx");
    expect(await bad((p) => (p[2]!.partSize += 1))).toContain("past the file length");
    expect((await urls("Fnope", parts)).body.code).toBe(13000401);
  });

  it("validates create: multipart only, file names per the spec, the root folder, autoRename", async () => {
    const base = { fileName: "a.txt", fileType: "45", parentFolder: ["root"], length: 10, uploadMode: "multipart", uploadType: 1, autoRename: 2 };
    expect((await api("create", { ...base, uploadType: 0 })).body).toMatchObject({ code: 13000102, msg: expect.stringContaining("uploadType 1") });
    expect((await api("create", { ...base, fileName: "a/b.txt" })).body.code).toBe(13000102);
    expect((await api("create", { ...base, fileName: ".." })).body.code).toBe(13000102);
    expect(await api("create", { ...base, parentFolder: ["F123"] })).toMatchObject({ status: 403, body: { code: 13000302 } });
    const first = await api<{ fileName: string }>("create", { ...base, fileName: "same.txt" });
    const renamed = await api<{ fileName: string }>("create", { ...base, fileName: "same.txt" });
    expect(first.body.fileName).toBe("same.txt");
    expect(renamed.body.fileName).toMatch(/^same_\d+\.txt$/);
    expect((await api("create", { ...base, fileName: "same.txt", autoRename: 3 })).body.code).toBe(13000102);
  });

  it("answers injected faults in each route's own error shape", async () => {
    sandbox.faults.arm("koodrive.complete", { kind: "fail", times: 1, status: 500, code: "13000201", message: "INNER_INVOKE_FAILURE" });
    expect(await api("complete", { fileId: "x" })).toEqual({ status: 500, body: { code: 13000201, msg: "INNER_INVOKE_FAILURE" } });
    const { fileId } = await create();
    const parts = await planParts(data, sizes);
    const issued = (await urls(fileId, parts)).body.multiParts;
    sandbox.faults.arm("koodrive.part-put", { kind: "fail", times: 1, status: 503, code: "SlowDown", message: "Please reduce your request rate." });
    const failed = await put(issued[0]!.uploadUrl, parts[0]!);
    expect(failed.status).toBe(503);
    expect(await failed.text()).toContain("<Code>SlowDown</Code>");
    expect((await put(issued[0]!.uploadUrl, parts[0]!)).status).toBe(200);
    expect(sandbox.faults.hits("koodrive.part-put")).toBeGreaterThanOrEqual(2);
  });

  it("authenticates every API call: token, user id and a fresh, non-future X-Date", async () => {
    const body = { fileId: "x" };
    expect((await api("complete", body, { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await api("complete", body, { "x-user-id": "someone-else" })).status).toBe(401);
    expect((await api("complete", body, { "x-date": formatXDate(Date.now() - 16 * 60_000) })).body).toMatchObject({ code: 13000101 });
    expect((await api("complete", body, { "x-date": formatXDate(Date.now() + 60_000) })).status).toBe(401);
    expect((await api("complete", body, { authorization: `Bearer+${info.token}` })).status).toBe(404);
  });

  describe("part URLs", () => {
    let fileId: string;
    let parts: PartSpec[];
    let issued: (PartSpec & { uploadUrl: string })[];
    beforeEach(async () => {
      fileId = (await create()).fileId;
      parts = await planParts(data, sizes);
      issued = (await urls(fileId, parts)).body.multiParts;
    });

    it("rejects a tampered URL, a wrong length and chunked bodies with S3 XML errors", async () => {
      const url = new URL(issued[1]!.uploadUrl);
      const sig = url.searchParams.get("X-Amz-Signature")!;
      url.searchParams.set("X-Amz-Signature", (sig[0] === "a" ? "b" : "a") + sig.slice(1));
      const res = await put(url.toString(), parts[1]!);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/xml");
      expect(await res.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
      const short = await fetch(issued[1]!.uploadUrl, { method: "PUT", body: data.subarray(0, 100) });
      expect(short.status).toBe(403);
      const body = new ReadableStream({ start: (c) => (c.enqueue(data.subarray(0, 1000)), c.close()) });
      const chunked = await fetch(issued[2]!.uploadUrl, { method: "PUT", body, duplex: "half" } as RequestInit);
      expect(chunked.status).toBe(403);
    });

    it("rejects an old URL once the part is declared with another context", async () => {
      const changed = structuredClone(parts);
      changed[1]!.hashCtx![7] = (changed[1]!.hashCtx![7]! ^ 1) >>> 0;
      await urls(fileId, changed);
      const res = await put(issued[1]!.uploadUrl, parts[1]!);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("<Code>InvalidArgument</Code>");
      await urls(fileId, parts);
    });

    it("accepts a URL presigned by the AWS SDK with the context hoisted into the signed query", async () => {
      const mine = new URL(issued[1]!.uploadUrl);
      const [, , , bucket, key] = mine.pathname.split("/");
      const client = new S3Client({
        endpoint: `${sandbox.url}/storage/obs`,
        forcePathStyle: true,
        region: obs.region,
        credentials: obs,
        requestChecksumCalculation: "WHEN_REQUIRED",
      });
      const command = new UploadPartCommand({ Bucket: bucket, Key: key, PartNumber: 2, UploadId: mine.searchParams.get("uploadId")!, ContentLength: parts[1]!.partSize });
      command.middlewareStack.add(
        (next) => async (args) => {
          (args.request as { headers: Record<string, string> }).headers[HASH_CTX_PARAM] = mine.searchParams.get(HASH_CTX_PARAM)!;
          return next(args);
        },
        { step: "build", name: "hashCtx" },
      );
      const url = await getSignedUrl(client, command, { expiresIn: 600 });
      expect((await put(url, parts[1]!)).status).toBe(200);
      const tampered = url.replace(/(X-Amz-Iteration-Hash-Ctx=)(.)/, (_, p: string, c: string) => p + (c === "e" ? "f" : "e"));
      expect((await put(tampered, parts[1]!)).status).toBe(403);
    });

    it("answers 403 'Request has expired' for URLs past their lifetime (expire-urls or clock skew)", async () => {
      sandbox.faults.arm("koodrive.part-put", { kind: "expire-urls", times: 1 });
      const expired = (await urls(fileId, parts.slice(0, 1))).body.multiParts[0]!;
      const res = await put(expired.uploadUrl, parts[0]!);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).toContain("<Code>AccessDenied</Code>");
      expect(text).toContain("<Message>Request has expired</Message>");

      const fresh = (await urls(fileId, parts.slice(0, 1))).body.multiParts[0]!;
      sandbox.setClockSkew(3601_000);
      expect((await put(fresh.uploadUrl, parts[0]!)).status).toBe(403);
      sandbox.setClockSkew(0);
      expect((await put(fresh.uploadUrl, parts[0]!)).status).toBe(200);
    });
  });
});
