import type { HashState } from "../../midstate/hash-state.js";
import type { IngestedPart } from "../../midstate/part-ingest.js";
import type { ContentIndex } from "../../storage/content-index.js";
import type { ObsCredentials } from "../../storage/obs-sigv4.js";
import type { SandboxContext } from "../../types.js";

/** Concurrent parts carry the SHA-256 state before them; serial parts are sent in order without it. */
export type UploadMode = "concurrent" | "serial";

/** A part as declared through create/uploadUrl: its size, and the state (and offset) it claims to start from. */
export interface DeclaredPart {
  partNumber: number;
  partSize: number;
  /** Undefined for a serial part: it starts where the previous stored part ends. */
  claimed: HashState | undefined;
  /** Whether the client sent hashCtx (part 1 may omit it; its URL then carries no context). */
  sentCtx: boolean;
}

export interface KoodriveUpload {
  fileId: string;
  fileName: string;
  uploadId: string;
  objectKey: string;
  length: number;
  sha256: string | undefined;
  mimeType: string | undefined;
  /** Fixed by the first declared part that tells (see declareParts); undefined until then. */
  mode: UploadMode | undefined;
  declared: Map<number, DeclaredPart>;
  stored: Map<number, IngestedPart>;
  completed: boolean;
}

/** Everything the KooDrive routes share: the sandbox, the issued credentials, and the uploads in flight. */
export interface KoodriveState {
  ctx: SandboxContext;
  token: string;
  userId: string;
  /** App authentication credentials (HMAC), accepted besides the token. */
  appId: string;
  appSecret: string;
  obs: ObsCredentials;
  bucket: string;
  byFileId: Map<string, KoodriveUpload>;
  byUploadId: Map<string, KoodriveUpload>;
  /** Files of the root folder by name (for autoRename): their ID, and their SHA-256 once complete. */
  names: Map<string, { fileId: string; sha256?: string }>;
  /** The space's content by digest, for flash upload. */
  contents: ContentIndex;
  containerId: string;
}
