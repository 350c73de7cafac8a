import { createWasmMidstateHasher } from "./hasher.js";
import type { HashAlgorithm } from "./types.js";

const WEB_NAMES: Record<HashAlgorithm, string> = { sha1: "SHA-1", sha256: "SHA-256" };

/**
 * The lowercase hex digest of a few bytes in memory. WebCrypto where there is one (Node, browsers' secure contexts),
 * so a page hashing in its worker loads no hash-wasm on the main thread for it; hash-wasm where there is none (a page
 * on plain http:// other than localhost).
 */
export async function digestHex(algorithm: HashAlgorithm, bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    // A copy: WebCrypto takes no view of a SharedArrayBuffer.
    const digest = await subtle.digest(WEB_NAMES[algorithm], new Uint8Array(bytes));
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  }
  const hasher = await createWasmMidstateHasher(algorithm);
  hasher.update(bytes);
  return hasher.digestHex();
}
