import type { HashAlgorithm, HashState } from "../../midstate/hash-state.js";
import type { IngestedPart } from "../../midstate/part-ingest.js";
import type { OssCredentials } from "../../storage/pds-oss-signature.js";
import type { SandboxContext } from "../../types.js";

/** A part context as the client sent it, echoed back verbatim (part 1 may be `h: []` or `h: [0]`). */
export interface ParallelCtx {
  h: number[];
  part_offset: number;
}

export interface PdsDeclaredPart {
  partNumber: number;
  /** Parallel mode: the state the part claims to start from. Serial mode: undefined (derived at PUT time). */
  claimed: HashState | undefined;
  ctx: ParallelCtx | undefined;
  contentType: string | undefined;
}

export interface PdsStoredPart extends IngestedPart {
  etag: string;
}

export interface PdsUpload {
  fileId: string;
  uploadId: string;
  name: string;
  parentFileId: string;
  objectKey: string;
  size: number | undefined;
  contentType: string;
  algorithm: HashAlgorithm;
  contentHash: string | undefined;
  parallel: boolean;
  createdAt: string;
  declared: Map<number, PdsDeclaredPart>;
  stored: Map<number, PdsStoredPart>;
  completed: boolean;
}

export interface PdsState {
  ctx: SandboxContext;
  token: string;
  driveId: string;
  domainId: string;
  oss: OssCredentials;
  bucket: string;
  byUploadId: Map<string, PdsUpload>;
  /** `${parent_file_id}/${name}` of every file created so far (for check_name_mode). */
  names: Set<string>;
}

/** `parallel_sha1_ctx` or `parallel_sha256_ctx`, whichever the upload's algorithm uses. */
export function ctxField(algorithm: HashAlgorithm): "parallel_sha1_ctx" | "parallel_sha256_ctx" {
  return algorithm === "sha1" ? "parallel_sha1_ctx" : "parallel_sha256_ctx";
}
