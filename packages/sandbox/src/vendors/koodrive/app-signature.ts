import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The headers KooDrive's app authentication signs, in order (KooDrive "App Authentication" appendix). */
export const APP_SIGNED_HEADERS = "host;x-date;x-user-id";

/** Percent-encoding of RFC 3986: everything but A-Z a-z 0-9 - . _ ~, upper-case hex. */
function encode(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/**
 * The signature a request should carry, computed here independently of the client: HMAC-SHA256 with the app
 * secret over "HMAC-SHA256\n" + hex SHA-256 of the canonical request (method, URI with a trailing '/', sorted
 * query, the signed headers, their names, hex SHA-256 of the body). The key step is inferred (see the spec).
 */
export function expectedAppSignature(input: { method: string; url: URL; headers: Record<string, string>; body: string; appSecret: string }): string {
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
  const path = input.url.pathname
    .split("/")
    .map((segment) => encode(decodeURIComponent(segment)))
    .join("/");
  const query = [...input.url.searchParams]
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .sort()
    .join("&");
  const names = APP_SIGNED_HEADERS.split(";");
  const canonical = [
    input.method.toUpperCase(),
    path.endsWith("/") ? path : `${path}/`,
    query,
    names.map((name) => `${name}:${(input.headers[name] ?? "").trim()}\n`).join(""),
    APP_SIGNED_HEADERS,
    sha256(input.body),
  ].join("\n");
  return createHmac("sha256", input.appSecret)
    .update(`HMAC-SHA256\n${sha256(canonical)}`)
    .digest("hex");
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
