/**
 * KooDrive app authentication (HMAC-SHA256 over a canonical request, the APIG scheme described in the KooDrive
 * "App Authentication" appendix). Uses Web Crypto so it runs in browsers and Node alike.
 */
export const APP_AUTH_SIGNED_HEADERS = ["host", "x-date", "x-user-id"] as const;

export interface AppAuthRequest {
  method: string;
  url: string | URL;
  /** Values of the signed headers; `host` defaults to the URL's host. */
  headers: { host?: string; "x-date": string; "x-user-id": string };
  body: string;
}

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone). */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The path with every segment RFC 3986-encoded, always ending with '/' as the scheme requires. */
function canonicalUri(pathname: string): string {
  const path = pathname
    .split("/")
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function canonicalRequest(request: AppAuthRequest): Promise<string> {
  const url = new URL(request.url);
  const values: Record<(typeof APP_AUTH_SIGNED_HEADERS)[number], string> = {
    host: request.headers.host ?? url.host,
    "x-date": request.headers["x-date"],
    "x-user-id": request.headers["x-user-id"],
  };
  // Each header line ends with '\n' and the lines are then joined with '\n', as in SigV4: hence the empty line.
  const headers = APP_AUTH_SIGNED_HEADERS.map((name) => `${name}:${values[name].trim()}\n`).join("");
  return [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    headers,
    APP_AUTH_SIGNED_HEADERS.join(";"),
    await sha256Hex(request.body),
  ].join("\n");
}

export async function stringToSign(canonical: string): Promise<string> {
  return `HMAC-SHA256\n${await sha256Hex(canonical)}`;
}

/**
 * The Authorization header value. INFERENCE: the last step, hex(HMAC-SHA256(appSecret, StringToSign)), is not on
 * any retrievable public page; the canonical request and string to sign are.
 */
export async function appAuthorization(request: AppAuthRequest, appId: string, appSecret: string): Promise<string> {
  const signature = await hmacSha256Hex(appSecret, await stringToSign(await canonicalRequest(request)));
  return `HMAC-SHA256 AppId=${appId},SignedHeaders=${APP_AUTH_SIGNED_HEADERS.join(";")},Signature=${signature}`;
}

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

async function hmacSha256Hex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
