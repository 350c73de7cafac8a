import type { HashState } from "../midstate/hash-state.js";

/** Query parameter that carries the claimed SHA-256 midstate inside a signed OBS part URL. */
export const HASH_CTX_PARAM = "X-Amz-Iteration-Hash-Ctx";

const TWO_32 = 2 ** 32;

/**
 * Encodes a SHA-256 state the way the KooDrive seed's URLs do: base64 of OpenSSL SHA256_CTX fields
 * `{md_len, num, h, nh, nl, hash_type}`, where nl/nh are the low/high 32 bits of the bit count.
 */
export function encodeHashCtx(state: HashState): string {
  const bits = state.offset * 8;
  const json = { md_len: 32, num: 0, h: state.h, nh: Math.floor(bits / TWO_32), nl: bits % TWO_32, hash_type: "sha256" };
  return Buffer.from(JSON.stringify(json)).toString("base64");
}

/** Decodes a context back into a state, or returns undefined when it is not one this protocol can carry. */
export function decodeHashCtx(value: string): HashState | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { md_len, num, h, nh, nl, hash_type } = parsed as Record<string, unknown>;
  if (md_len !== 32 || num !== 0 || hash_type !== "sha256") return undefined;
  if (!Array.isArray(h) || !isUint32(nh) || !isUint32(nl) || !h.every(isUint32)) return undefined;
  const bits = nh * TWO_32 + nl;
  if (bits % 8 !== 0) return undefined;
  return { algorithm: "sha256", h: h as number[], offset: bits / 8 };
}

function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < TWO_32;
}
