import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { problem, type Problem } from "../problem.js";
import { HASH_CTX_PARAM } from "./obs-hash-ctx.js";

/** The sandbox OBS endpoint's own access key: it signs part URLs and checks them, like the real storage node. */
export interface ObsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const PAYLOAD_HEADER = "x-amz-content-sha256";
const MAX_EXPIRES_SECONDS = 604800;
const AUTH_PARAMS = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"] as const;

export function signerFor(credentials: ObsCredentials): SignatureV4 {
  const { accessKeyId, secretAccessKey, region } = credentials;
  // S3 signs the path as sent (no second escaping), which is what S3 clients and presigners do too.
  return new SignatureV4({ credentials: { accessKeyId, secretAccessKey }, region, service: "s3", sha256: Sha256, uriEscapePath: false });
}

/**
 * Pre-signs a part PUT with `content-length` and `host` as the signed headers and the hash context as a signed
 * query parameter, laid out like the KooDrive seed's URLs (context right before the signature).
 */
export async function presignObsPartUrl(input: { credentials: ObsCredentials; url: URL; contentLength: number; signingDate: Date; expiresIn: number }): Promise<string> {
  const { url } = input;
  const request = new HttpRequest({
    method: "PUT",
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, "content-length": String(input.contentLength), [PAYLOAD_HEADER]: UNSIGNED_PAYLOAD },
  });
  const keep = new Set([PAYLOAD_HEADER]);
  const signed = await signerFor(input.credentials).presign(request, {
    signingDate: input.signingDate,
    expiresIn: input.expiresIn,
    unsignableHeaders: keep,
    unhoistableHeaders: keep,
  });
  const query = signed.query as Record<string, string>;
  const order = [
    ...[...url.searchParams.keys()].filter((k) => k !== HASH_CTX_PARAM),
    "X-Amz-Algorithm",
    "X-Amz-Date",
    "X-Amz-SignedHeaders",
    "X-Amz-Expires",
    "X-Amz-Credential",
    ...(url.searchParams.has(HASH_CTX_PARAM) ? [HASH_CTX_PARAM] : []),
    "X-Amz-Signature",
  ];
  const out = new URL(url.pathname, url.origin);
  out.search = new URLSearchParams(order.map((k) => [k, query[k] ?? ""])).toString();
  return out.toString();
}

/**
 * Checks a presigned (query-authenticated) SigV4 request the way S3 does: parameters, credential scope, expiry,
 * then the signature recomputed with @smithy/signature-v4 over the received method, path, query and signed headers.
 */
export async function verifyObsPresignedRequest(input: {
  credentials: ObsCredentials;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  now: number;
  /** Headers the signature must cover: OBS part URLs sign content-length too, a plain S3 presigned PUT only host. */
  requiredSignedHeaders?: readonly string[];
}): Promise<Problem | undefined> {
  const { url, credentials } = input;
  const q = url.searchParams;
  if (AUTH_PARAMS.some((p) => q.getAll(p).length !== 1)) {
    return problem(400, "AuthorizationQueryParametersError", `Query-string authentication requires exactly one of each of ${AUTH_PARAMS.join(", ")}.`);
  }
  const param = (name: (typeof AUTH_PARAMS)[number]) => q.get(name) ?? "";
  if (param("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") {
    return problem(400, "AuthorizationQueryParametersError", 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256".');
  }
  const amzDate = param("X-Amz-Date");
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) return problem(400, "AuthorizationQueryParametersError", "X-Amz-Date must be in the ISO8601 basic format yyyyMMdd'T'HHmmss'Z'.");
  const expires = Number(param("X-Amz-Expires"));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
    return problem(400, "AuthorizationQueryParametersError", `X-Amz-Expires must be an integer between 1 and ${MAX_EXPIRES_SECONDS} seconds.`);
  }
  const [accessKeyId, day, region, service, terminator, ...rest] = param("X-Amz-Credential").split("/");
  if (accessKeyId !== credentials.accessKeyId) {
    return problem(403, "InvalidAccessKeyId", "The access key ID you provided does not exist in our records.");
  }
  if (day !== amzDate.slice(0, 8) || region !== credentials.region || service !== "s3" || terminator !== "aws4_request" || rest.length) {
    return problem(400, "AuthorizationQueryParametersError", `Error parsing the X-Amz-Credential parameter; expecting <key>/<yyyyMMdd>/${credentials.region}/s3/aws4_request.`);
  }
  if (input.now > signingDate.getTime() + expires * 1000) return problem(403, "AccessDenied", "Request has expired");
  if (signingDate.getTime() > input.now + 15 * 60 * 1000) return problem(403, "AccessDenied", "Request is not valid yet");

  const signedHeaders = param("X-Amz-SignedHeaders").split(";");
  const required = input.requiredSignedHeaders ?? ["content-length", "host"];
  if (required.some((name) => !signedHeaders.includes(name))) {
    return problem(403, "AccessDenied", `X-Amz-SignedHeaders must include ${required.join(" and ")}.`);
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = input.headers[name];
    if (value === undefined) return problem(403, "SignatureDoesNotMatch", `The signed header ${name} is missing from the request.`);
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const unsigned = signedHeaders.includes(PAYLOAD_HEADER) ? new Set<string>() : new Set([PAYLOAD_HEADER]);
  headers[PAYLOAD_HEADER] ??= UNSIGNED_PAYLOAD;
  const recomputed = await signerFor(credentials).presign(
    new HttpRequest({ method: input.method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: unsignedQuery(q), headers }),
    {
      signingDate,
      expiresIn: expires,
      signableHeaders: new Set(signedHeaders),
      unsignableHeaders: unsigned,
      unhoistableHeaders: new Set([...signedHeaders, PAYLOAD_HEADER]),
    },
  );
  const computed = recomputed.query ?? {};
  const sameHeaders = computed["X-Amz-SignedHeaders"] === param("X-Amz-SignedHeaders");
  if (!sameHeaders || !constantTimeEqual(String(computed["X-Amz-Signature"]), param("X-Amz-Signature"))) {
    return problem(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }
  return undefined;
}

/** The query without the presign parameters, repeated keys as arrays: what the signer canonicalises. */
export function unsignedQuery(q: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(q.keys())) {
    if ((AUTH_PARAMS as readonly string[]).includes(key)) continue;
    const values = q.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
