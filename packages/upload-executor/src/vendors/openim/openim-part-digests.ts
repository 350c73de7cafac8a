import { createMD5, createSHA256 } from "hash-wasm";
import { UploadAbortedError } from "../../core/errors.js";
import type { PartLayout } from "../../core/part-layout.js";
import type { UploadSource } from "../../core/source.js";

const CHUNK = 4 * 1024 * 1024;

export interface OpenimPartDigests {
  /** Lowercase hex MD5 of each part, in part order: the parts' ETags and what complete_multipart_upload takes. */
  partMd5s: string[];
  /** MD5 of the part MD5s joined with ",": the upload's `hash`, by which OpenIM finds content it already has. */
  hash: string;
  /** SHA-256 of the whole file, from the same read. */
  sha256: string;
}

/** One sequential read (4 MiB at a time) hashing each part with MD5 and the whole file with SHA-256. */
export async function digestParts(source: UploadSource, parts: readonly PartLayout[], signal?: AbortSignal): Promise<OpenimPartDigests> {
  const [md5, sha256] = await Promise.all([createMD5(), createSHA256()]);
  sha256.init();
  const partMd5s: string[] = [];
  for (const part of parts) {
    md5.init();
    for (let start = part.offset, end = part.offset + part.size; start < end; start += CHUNK) {
      if (signal?.aborted) throw new UploadAbortedError(signal.reason);
      const bytes = await source.read(start, Math.min(end, start + CHUNK));
      md5.update(bytes);
      sha256.update(bytes);
    }
    partMd5s.push(md5.digest("hex"));
  }
  md5.init();
  md5.update(partMd5s.join(","));
  return { partMd5s, hash: md5.digest("hex"), sha256: sha256.digest("hex") };
}
