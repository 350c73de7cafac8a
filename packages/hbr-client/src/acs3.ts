import { DirectUploadError } from "@direct-upload/client-core";

/**
 * Alibaba Cloud signature V3 (ACS3-HMAC-SHA256), as in `aliyun/darabonba-openapi-util` getAuthorization.
 * Pure and built on Web Crypto, so the same code signs in Node (globalThis.crypto) and in browsers.
 */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** hex(SHA-256("")): the `x-acs-content-sha256` of a request without a body. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface Acs3Request {
  method: string;
  url: string | URL;
  /**
   * The headers as sent. `host`, `content-type` and every `x-acs-*` header are signed; `host` defaults to the
   * URL's host. `x-acs-content-sha256` must be set (see `sha256Hex`): it is the HashedPayload.
   */
  headers: Headers | Record<string, string>;
}

export interface Acs3Credentials {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface Acs3Signature {
  /** The `Authorization` header value. */
  authorization: string;
  signature: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** RFC 3986 percent-encoding: encodeURIComponent plus `!'()*`; `~` stays as is. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parameters sorted by encoded name (then value), each `name=enc(value)`, joined with `&`. */
export function canonicalQueryString(params: URLSearchParams): string {
  return [...params]
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join("&");
}

function signedHeaderValues(request: Acs3Request): Array<[string, string]> {
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  // Headers lowercases names, trims values and joins repeated values with ", ".
  return [...headers].filter(([name]) => name === "host" || name === "content-type" || name.startsWith("x-acs-")).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function canonicalRequest(request: Acs3Request): { canonicalRequest: string; signedHeaders: string } {
  const url = new URL(request.url);
  const headers = signedHeaderValues(request);
  const hashedPayload = headers.find(([name]) => name === "x-acs-content-sha256")?.[1];
  if (!hashedPayload) {
    throw new DirectUploadError("acs3_missing_content_sha256", "ACS3 signing needs the x-acs-content-sha256 header", {
      hint: "Set it to sha256Hex(body) before signing",
    });
  }
  const signedHeaders = headers.map(([name]) => name).join(";");
  // Every header line ends in "\n" and the parts are then joined with "\n": hence the blank line.
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value.trim()}\n`).join("");
  return {
    canonicalRequest: [request.method.toUpperCase(), url.pathname || "/", canonicalQueryString(url.searchParams), canonicalHeaders, signedHeaders, hashedPayload].join("\n"),
    signedHeaders,
  };
}

export async function signAcs3(request: Acs3Request, credentials: Acs3Credentials): Promise<Acs3Signature> {
  const { canonicalRequest: canonical, signedHeaders } = canonicalRequest(request);
  const stringToSign = `${ACS3_ALGORITHM}\n${await sha256Hex(canonical)}`;
  const signature = await hmacSha256Hex(credentials.accessKeySecret, stringToSign);
  return {
    authorization: `${ACS3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
    signature,
    signedHeaders,
    canonicalRequest: canonical,
    stringToSign,
  };
}

/** `x-acs-date`: UTC `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds). */
export function formatAcsDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const encoder = new TextEncoder();

export async function sha256Hex(data: string | BufferSource): Promise<string> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest("SHA-256", bytes));
}

async function hmacSha256Hex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
