import { digestHex } from "../../core/hash/digest-hex.js";
import type { UploadSource } from "../../core/source.js";
import type { PdsHash } from "./pds-parts.js";

/**
 * `auto` (default): a file up to 1 KiB is hashed whole before create (`content_hash`); a larger one sends only the
 * `pre_hash` of its first KiB, and is hashed whole before the upload starts only when PDS answers that the pre-hash
 * matches. Its cost is one 1 KiB read, where hashing every file first would delay the first byte by a whole pass
 * (measured in the package README). `off`: create without hashes; a known file is uploaded again.
 */
export type PdsRapidPolicy = "auto" | "off";

/** What the pre-hash covers (the upload FAQ: "the first 1 KB"). */
export const PRE_HASH_BYTES = 1024;

/** Hex digest of the first PRE_HASH_BYTES, in the upload's algorithm as the official SDK sends it. */
export async function preHash(source: UploadSource, hash: PdsHash): Promise<string> {
  return digestHex(hash, await source.read(0, Math.min(PRE_HASH_BYTES, source.size)));
}
