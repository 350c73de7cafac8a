import type { EngineOptions } from "../../core/options.js";
import type { HashAlgorithm } from "../../core/multipart/midstates.js";
import { callVendor, reportDone } from "../flow-engine.js";
import type { UploadResult } from "../flow-types.js";
import { hashWhole } from "../whole-hash.js";
import type { PdsUploadOptions } from "./pds-options.js";
import { pdsScope } from "./pds-parts.js";
import type { PdsUploadState } from "./pds-start.js";

/**
 * Turns `AlreadyExist.File` (see pds.ts) into `existed: true` once get shows the file available with the content hash
 * of these bytes (hashed here: the upload may have stopped before its hashing pass ended); otherwise rethrows `error`.
 */
export async function existingContent(
  error: unknown,
  options: PdsUploadOptions,
  engine: EngineOptions,
  upload: PdsUploadState,
  algorithms: readonly HashAlgorithm[],
): Promise<UploadResult> {
  const { client, source } = options;
  const file = await callVendor(engine, (call) => client.getFile({ ...pdsScope(upload), file_id: upload.fileId }, call));
  const stored = file.content_hash?.toLowerCase();
  if (file.status !== "available" || stored === undefined) throw error;
  const { digests } = await hashWhole(source, [0], algorithms, engine.signal);
  if (stored !== digests[upload.hash]) throw error;
  reportDone(options, source.size);
  return {
    vendor: "pds",
    name: file.name ?? upload.name,
    bytes: source.size,
    sha256: digests.sha256!,
    vendorDigest: { algorithm: upload.hash, hex: stored },
    fileId: upload.fileId,
    existed: true,
  };
}
