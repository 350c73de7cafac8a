import type { PdsClient } from "@direct-upload/pds-client";
import type { FlowOptions } from "../flow-types.js";
import type { PdsConflictMode, PdsUploadMode } from "./pds-create.js";
import type { PdsHash } from "./pds-parts.js";
import type { PdsRapidPolicy } from "./pds-rapid.js";

export interface PdsUploadOptions extends FlowOptions {
  client: PdsClient;
  /** The drive to upload to; or `shareId` (the client then needs the link's `shareToken`). */
  driveId?: string;
  /** A share link to upload through, instead of `driveId`. */
  shareId?: string;
  /** Parent folder ID (default "root"). */
  parentFileId?: string;
  /** File name (default: the source name); see `onConflict` for an existing one. */
  name?: string;
  /** Algorithm of the part contexts and of content_hash (default "sha1", as PDS itself). */
  hash?: PdsHash;
  /**
   * An existing name: "ignore" (duplicates allowed), "auto_rename", "refuse" or "skip" (nothing is uploaded, the
   * result says `existed: true` with the existing file's ID), "overwrite" (a new version of it). Unset, PDS's own
   * default (ignore) applies.
   */
  onConflict?: PdsConflictMode;
  /** Rapid upload (default "auto": see PdsRapidPolicy). */
  rapid?: PdsRapidPolicy;
  /**
   * "parallel" (default): concurrent parts with midstate contexts, switching to serial by itself on a domain without
   * parallel upload. "serial": one part at a time in order, no contexts, checked by CRC-64 at complete.
   */
  mode?: PdsUploadMode;
}
