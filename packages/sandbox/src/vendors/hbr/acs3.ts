import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { problem, type Problem } from "../../problem.js";

const MAX_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986 encoding used by the V3 canonical query string (encodeURIComponent plus !'()*). */
function acsEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Canonical request of ACS3-HMAC-SHA256 (reference §3.2) as @alicloud/openapi-util builds it: raw path and keys, encoded values. */
function acs3CanonicalRequest(method: string, url: URL, headers: Record<string, string>, signedHeaders: string[], payloadHash: string): string {
  const query = [...url.searchParams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${acsEncode(v)}`)
    .join("&");
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(headers[name] ?? "").trim()}\n`).join("");
  return [method, url.pathname, query, canonicalHeaders, signedHeaders.join(";"), payloadHash].join("\n");
}

function acs3Signature(secret: string, canonicalRequest: string): string {
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
  return createHmac("sha256", secret).update(stringToSign).digest("hex");
}

export interface Acs3Verifier {
  accessKeyId: string;
  accessKeySecret: string;
  now(): number;
  /** Nonces seen within the date window; a reused one is rejected. */
  nonces: Map<string, number>;
}

/** Verifies an ACS3-signed request (date window, signature, then nonce) and returns the gateway's Problem or undefined. */
export function verifyAcs3(req: IncomingMessage, url: URL, body: Buffer, verifier: Acs3Verifier): Problem | undefined {
  const header = req.headers["authorization"] ?? "";
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(header);
  if (!match) return problem(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
  const [, accessKeyId, signedList = "", signature = ""] = match;
  for (const name of ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-action", "x-acs-version"]) {
    if (!req.headers[name]) return problem(400, "MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
  }
  if (accessKeyId !== verifier.accessKeyId) return problem(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
  const date = Date.parse(req.headers["x-acs-date"] as string);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(req.headers["x-acs-date"] as string) || Number.isNaN(date)) {
    return problem(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
  }
  if (Math.abs(verifier.now() - date) > MAX_SKEW_MS) return problem(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
  const signedHeaders = signedList.split(";");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
  const mustSign = Object.keys(headers).filter((name) => name === "host" || name.startsWith("x-acs-"));
  if (mustSign.some((name) => !signedHeaders.includes(name)) || signedHeaders.some((name) => headers[name] === undefined)) {
    return problem(400, "IncompleteSignature", "SignedHeaders must list host and every x-acs-* header sent, and only headers that were sent.");
  }
  const payloadHash = createHash("sha256").update(body).digest("hex");
  const expected = acs3Signature(verifier.accessKeySecret, acs3CanonicalRequest(req.method ?? "POST", url, headers, signedHeaders, headers["x-acs-content-sha256"] as string));
  const mismatch = payloadHash !== headers["x-acs-content-sha256"] || expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (mismatch) return problem(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation.");
  const nonce = headers["x-acs-signature-nonce"] as string;
  for (const [seen, at] of verifier.nonces) if (at < verifier.now() - 2 * MAX_SKEW_MS) verifier.nonces.delete(seen);
  if (verifier.nonces.has(nonce)) return problem(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
  verifier.nonces.set(nonce, verifier.now());
  return undefined;
}
