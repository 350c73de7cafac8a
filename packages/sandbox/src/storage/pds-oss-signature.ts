import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { problem, type Problem } from "../problem.js";

/** The sandbox OSS endpoint's access key, used to sign and check PDS part URLs (OSS signature V1, query form). */
export interface OssCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** Query parameters OSS V1 puts in the canonical resource (the ones a part PUT can carry). */
const SUB_RESOURCES = new Set(["partNumber", "uploadId", "security-token", "x-oss-traffic-limit", "x-oss-process"]);

interface SignedRequest {
  method: string;
  bucket: string;
  key: string;
  /** Unix seconds. */
  expires: number;
  contentMd5?: string | undefined;
  contentType?: string | undefined;
  ossHeaders?: Record<string, string>;
  subResources: Record<string, string>;
}

/** base64(HMAC-SHA1(secret, VERB\nContent-MD5\nContent-Type\nExpires\n[x-oss-* headers]/bucket/key?sub=resources)). */
function ossSignature(secret: string, request: SignedRequest): string {
  const headers = Object.entries(request.ossHeaders ?? {})
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}:${v}\n`)
    .join("");
  const subs = Object.keys(request.subResources)
    .sort()
    .map((k) => (request.subResources[k] ? `${k}=${request.subResources[k]}` : k))
    .join("&");
  const resource = `/${request.bucket}/${request.key}${subs ? `?${subs}` : ""}`;
  const toSign = `${request.method}\n${request.contentMd5 ?? ""}\n${request.contentType ?? ""}\n${request.expires}\n${headers}${resource}`;
  return createHmac("sha1", secret).update(toSign, "utf8").digest("base64");
}

/** A part PUT URL in OSS's query-signed form: `{origin}/storage/pds/{bucket}/{key}?partNumber&uploadId&OSSAccessKeyId&Expires&Signature`. */
export function presignOssPartUrl(input: {
  credentials: OssCredentials;
  baseUrl: string;
  bucket: string;
  key: string;
  partNumber: number;
  uploadId: string;
  expires: number;
  contentType?: string | undefined;
}): string {
  const subResources = { partNumber: String(input.partNumber), uploadId: input.uploadId };
  const signature = ossSignature(input.credentials.accessKeySecret, {
    method: "PUT",
    bucket: input.bucket,
    key: input.key,
    expires: input.expires,
    contentType: input.contentType,
    subResources,
  });
  const url = new URL(`${input.baseUrl}/storage/pds/${input.bucket}/${input.key}`);
  url.search = new URLSearchParams({ ...subResources, OSSAccessKeyId: input.credentials.accessKeyId, Expires: String(input.expires), Signature: signature }).toString();
  return url.toString();
}

/** Checks a query-signed OSS request: access key, expiry against `now` (ms), then the recomputed signature. */
export function verifyOssPresignedRequest(input: {
  credentials: OssCredentials;
  method: string;
  bucket: string;
  key: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  now: number;
}): Problem | undefined {
  const { query } = input;
  const accessKeyId = query.get("OSSAccessKeyId");
  const expires = query.get("Expires");
  const signature = query.get("Signature");
  if (!accessKeyId || !expires || !signature) {
    return problem(403, "AccessDenied", "Query-string authentication requires OSSAccessKeyId, Expires and Signature.");
  }
  if (accessKeyId !== input.credentials.accessKeyId) {
    return problem(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.");
  }
  if (!/^\d+$/.test(expires)) return problem(403, "AccessDenied", "Expires must be a Unix time in seconds.");
  if (input.now / 1000 > Number(expires)) return problem(403, "AccessDenied", "Request has expired.");
  const subResources: Record<string, string> = {};
  for (const [k, v] of query) if (SUB_RESOURCES.has(k) || k.startsWith("response-")) subResources[k] = v;
  const ossHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers)) if (k.startsWith("x-oss-") && v !== undefined) ossHeaders[k] = String(v);
  const expected = ossSignature(input.credentials.accessKeySecret, {
    method: input.method,
    bucket: input.bucket,
    key: input.key,
    expires: Number(expires),
    contentMd5: header(input.headers["content-md5"]),
    contentType: header(input.headers["content-type"]),
    ossHeaders,
    subResources,
  });
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return problem(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }
  return undefined;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}
