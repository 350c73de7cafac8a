import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponseContract, recordResponse } from "../../contract.js";
import { startSandbox, type Sandbox } from "../../sandbox.js";

const MiB = 1024 * 1024;
let sandbox: Sandbox;
let info: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  info = sandbox.vendors.openim as Record<string, string>;
});
afterAll(() => sandbox.stop());

const OPERATIONS = {
  part_limit: "partLimit",
  initiate_multipart_upload: "initiateMultipartUpload",
  auth_sign: "authSign",
  complete_multipart_upload: "completeMultipartUpload",
} as const;
type Data = Record<string, unknown> & { upload?: Record<string, unknown> & { sign?: Sign } };
interface Sign {
  url: string;
  query: { key: string; values: string[] }[] | null;
  parts: { partNumber: number; url: string; query: { key: string; values: string[] }[] | null; header: { key: string; values: string[] }[] | null }[];
}

async function call(operation: keyof typeof OPERATIONS, body: unknown) {
  const response = await fetch(`${info["baseUrl"]}/object/${operation}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", token: info["token"]!, operationID: "op" },
    body: JSON.stringify(body),
  });
  const recorded = await recordResponse(response);
  expect(checkResponseContract("openim", OPERATIONS[operation], recorded)).toEqual([]);
  return recorded.body as { errCode: number; errDlt: string; data?: Data };
}

const md5 = (data: Uint8Array | string) => createHash("md5").update(data).digest("hex");

/** A part's PUT as the official SDK builds it from a sign: URL, common then part query, part headers. */
async function putPart(sign: Sign, partNumber: number, body: Uint8Array) {
  const part = sign.parts.find((p) => p.partNumber === partNumber)!;
  const url = new URL(part.url || sign.url);
  for (const { key, values } of [...(sign.query ?? []), ...(part.query ?? [])]) url.searchParams.set(key, values[0]!);
  const headers = Object.fromEntries((part.header ?? []).map(({ key, values }) => [key, values.join(", ")]));
  return fetch(url, { method: "PUT", headers, body: new Uint8Array(body) });
}

describe("openim multipart over the sandbox MinIO", () => {
  it("gives MinIO's part limits", async () => {
    expect((await call("part_limit", {})).data).toEqual({ minPartSize: 5 * MiB, maxPartSize: 5 * 1024 * MiB, maxNumSize: 10000 });
  });

  it("initiates, takes header-signed part PUTs, completes by the part MD5s, then finds the content by hash", async () => {
    const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(1234)];
    const md5s = parts.map((p) => md5(p));
    const hash = md5(md5s.join(","));
    const name = `${info["userId"]}/big.bin`;
    const size = parts.reduce((n, p) => n + p.length, 0);
    const initiated = await call("initiate_multipart_upload", { hash, size, partSize: 5 * MiB, maxParts: 2, name, contentType: "application/x-test" });
    const upload = initiated.data!.upload!;
    expect(upload["partSize"]).toBe(5 * MiB);
    expect(upload.sign!.parts.map((p) => p.partNumber)).toEqual([1, 2]);
    for (const n of [1, 2]) expect((await putPart(upload.sign!, n, parts[n - 1]!)).headers.get("etag")).toBe(`"${md5s[n - 1]}"`);
    const signed = (await call("auth_sign", { uploadID: upload["uploadID"], partNumbers: [3] })).data as unknown as Sign;
    const tampered = { ...signed, parts: signed.parts.map((p) => ({ ...p, header: p.header!.map((h) => (h.key === "X-Amz-Date" ? { ...h, values: ["20200101T000000Z"] } : h)) })) };
    expect((await putPart(tampered, 3, parts[2]!)).status).toBe(400);
    expect((await putPart(signed, 3, parts[2]!)).status).toBe(200);
    expect(await call("complete_multipart_upload", { uploadID: upload["uploadID"], parts: [...md5s].reverse(), name })).toMatchObject({ errCode: 500, errDlt: "md5 mismatching" });
    expect(await call("complete_multipart_upload", { uploadID: upload["uploadID"], parts: md5s, name })).toMatchObject({
      errCode: 0,
      data: { url: `${info["baseUrl"]}/object/${name}` },
    });
    const stored = sandbox.objects.get("openim", `openim/data/hash/${hash}`)!;
    expect(stored.sha256).toBe(createHash("sha256").update(Buffer.concat(parts)).digest("hex"));
    const again = await call("initiate_multipart_upload", { hash, size, partSize: 5 * MiB, maxParts: 2, name: `${info["userId"]}/copy.bin` });
    expect(again).toMatchObject({ errCode: 0, data: { url: `${info["baseUrl"]}/object/${info["userId"]}/copy.bin` } });
    expect(again.data!.upload).toBeUndefined();
  });

  it("hands a one-part file a presigned PUT that cannot be signed again", async () => {
    const bytes = randomBytes(999);
    const hash = md5(md5(bytes));
    const name = `${info["userId"]}/small.bin`;
    const upload = (await call("initiate_multipart_upload", { hash, size: bytes.length, partSize: 5 * MiB, maxParts: 1, name })).data!.upload!;
    expect(await call("auth_sign", { uploadID: upload["uploadID"], partNumbers: [1] })).toMatchObject({ errCode: 500, errDlt: "presigned id not support auth sign" });
    const url = upload.sign!.parts[0]!.url;
    expect(new URL(url).searchParams.get("X-Amz-SignedHeaders")).toBe("host");
    expect((await fetch(url, { method: "PUT", body: new Uint8Array(bytes) })).status).toBe(200);
    expect(await call("complete_multipart_upload", { uploadID: upload["uploadID"], parts: [md5(bytes)], name })).toMatchObject({ errCode: 0 });
    expect(sandbox.objects.get("openim", `openim/data/hash/${hash}`)?.size).toBe(999);
  });

  it("refuses a bad hash and a name over 1024 bytes of UTF-8", async () => {
    expect(await call("initiate_multipart_upload", { hash: "nope", size: 1, partSize: 5 * MiB, maxParts: 1, name: `${info["userId"]}/x` })).toMatchObject({
      errCode: 500,
      errDlt: "invalid md5",
    });
    const long = `${info["userId"]}/${"é".repeat(510)}`;
    expect(await call("initiate_multipart_upload", { hash: md5("x"), size: 1, partSize: 5 * MiB, maxParts: 1, name: long })).toMatchObject({ errCode: 1001 });
  });
});
