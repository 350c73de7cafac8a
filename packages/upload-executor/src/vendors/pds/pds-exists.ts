import { VendorApiError } from "@direct-upload/client-core";
import type { EngineOptions } from "../../core/options.js";
import type { HashAlgorithm } from "../../core/multipart/midstates.js";
import { callVendor, reportDone } from "../flow-engine.js";
import type { UploadResult } from "../flow-types.js";
import { hashWhole } from "../whole-hash.js";
import type { PdsUploadOptions } from "./pds-options.js";
import { pdsScope } from "./pds-parts.js";
import type { PdsUploadState } from "./pds-start.js";

/**
 * What get_upload_url or complete answers when a rapid upload gave the file its content while this upload was
 * paused. The official SDK's resume counts it as success (`BaseUploader.js` `run`, the `AlreadyExist.File` branch).
 */
const ALREADY_EXIST_FILE = "AlreadyExist.File";

/**
 * Turns `AlreadyExist.File` into `existed: true` once get shows the file available with the content hash of these
 * bytes (hashed here: the upload may have stopped before its hashing pass ended). Anything else rethrows `error`.
 */
export async function existingContent(
  error: unknown,
  options: PdsUploadOptions,
  engine: EngineOptions,
  upload: PdsUploadState,
  algorithms: readonly HashAlgorithm[],
): Promise<UploadResult> {
  if (!VendorApiError.is(error) || error.vendorCode !== ALREADY_EXIST_FILE) throw error;
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
