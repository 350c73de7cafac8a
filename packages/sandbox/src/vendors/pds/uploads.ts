import type { HashAlgorithm, HashState } from "../../midstate/hash-state.js";
import type { IngestedPart } from "../../midstate/part-ingest.js";
import type { ContentIndex } from "../../storage/content-index.js";
import type { OssCredentials } from "../../storage/pds-oss-signature.js";
import type { SandboxContext, StoredObject } from "../../types.js";

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

/** A file of the drive: created by create (status uploading), available once completed or rapid-uploaded. */
export interface PdsFileEntry {
  fileId: string;
  name: string;
  parentFileId: string;
  contentType: string;
  createdAt: string;
  updatedAt: string;
  /** The content, once the file is available. */
  object?: StoredObject;
  algorithm?: HashAlgorithm;
  /** Set when the content was completed in serial mode (or with a crc64_hash), as OSS computed it. */
  crc64?: string;
  /** Completed versions (overwrite creates with the existing file_id). */
  versions: number;
}

export interface PdsUpload {
  fileId: string;
  uploadId: string;
  /** The file this upload gives content to (a new one, or an existing one for a new version). */
  entry: PdsFileEntry;
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
  /** A rapid upload gave the file its content while this upload was open: get_upload_url and complete answer AlreadyExist.File. */
  rapidFinished: boolean;
}

export interface PdsState {
  ctx: SandboxContext;
  token: string;
  driveId: string;
  domainId: string;
  oss: OssCredentials;
  bucket: string;
  byUploadId: Map<string, PdsUpload>;
  files: Map<string, PdsFileEntry>;
  /** File ID by `${parent_file_id}/${name}` (for check_name_mode). */
  names: Map<string, string>;
  /** The drive's content by digest, for rapid upload. */
  contents: ContentIndex;
  /** The domain's parallel upload switch; off, create refuses `parallel_upload: true`. */
  parallelUpload: boolean;
  /** The share link uploads may name with `share_id` and `x-share-token` instead of `drive_id`. */
  shareId: string;
  shareToken: string;
}

/** `parallel_sha1_ctx` or `parallel_sha256_ctx`, whichever the upload's algorithm uses. */
export function ctxField(algorithm: HashAlgorithm): "parallel_sha1_ctx" | "parallel_sha256_ctx" {
  return algorithm === "sha1" ? "parallel_sha1_ctx" : "parallel_sha256_ctx";
}
