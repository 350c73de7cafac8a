import { createHash, createHmac } from "node:crypto";

/** encodeURIComponent plus ! ' ( ) * (COS camSafeUrlEncode / Go safeURLEncode). */
function cosEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface CosSignInput {
  secretId: string;
  secretKey: string;
  method: string;
  /** Decoded path starting with "/" (the object key, not URL-encoded). */
  pathname: string;
  /** Signed headers and query parameters by (any-case) name. */
  headers: Record<string, string>;
  params?: Record<string, string>;
  /** "{start};{end}" in Unix seconds, used for both q-sign-time and q-key-time. */
  keyTime: string;
}

/** `k=enc(v)` pairs sorted by lower-cased encoded key, and the matching `;`-joined key list. */
function formatList(entries: Record<string, string>): { list: string; pairs: string } {
  const sorted = Object.entries(entries)
    .map(([k, v]) => [cosEncode(k).toLowerCase(), cosEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { list: sorted.map(([k]) => k).join(";"), pairs: sorted.map(([k, v]) => `${k}=${v}`).join("&") };
}

/** COS XML signature (q-sign-algorithm=sha1) over the given headers and parameters. */
export function cosSignature(input: Omit<CosSignInput, "secretId"> & { signTime?: string }): { signature: string; headerList: string; paramList: string } {
  const headers = formatList(input.headers);
  const params = formatList(input.params ?? {});
  const httpString = `${input.method.toLowerCase()}\n${input.pathname}\n${params.pairs}\n${headers.pairs}\n`;
  const stringToSign = `sha1\n${input.signTime ?? input.keyTime}\n${createHash("sha1").update(httpString).digest("hex")}\n`;
  const signKey = createHmac("sha1", input.secretKey).update(input.keyTime).digest("hex");
  return { signature: createHmac("sha1", signKey).update(stringToSign).digest("hex"), headerList: headers.list, paramList: params.list };
}

export function cosAuthorization(input: CosSignInput): string {
  const { signature, headerList, paramList } = cosSignature(input);
  return `q-sign-algorithm=sha1&q-ak=${input.secretId}&q-sign-time=${input.keyTime}&q-key-time=${input.keyTime}&q-header-list=${headerList}&q-url-param-list=${paramList}&q-signature=${signature}`;
}

/** Splits an Authorization value into its q-* fields. */
export function parseCosAuthorization(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const pair of value.split("&")) {
    const at = pair.indexOf("=");
    if (at > 0) fields.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return fields;
}
