import type { MidstateProvider, HashAlgorithm, Midstate } from "./multipart/midstates.js";
import type { MultipartCheckpoint } from "./multipart/checkpoint.js";
import type { PartLayout } from "./part-layout.js";
import type { TransportResponse } from "./transport/types.js";

/** A URL and headers to send to; returned by `renew` hooks when a signed URL or policy expired. */
export interface Target {
  url: string;
  headers?: Record<string, string>;
}

/** One raw-body request (presigned PUT, CloudBase/COS PUT). */
export interface PutPlan {
  kind: "put";
  url: string;
  method?: "PUT" | "POST";
  headers?: Record<string, string>;
  /** Statuses that mean success (default 200, 201, 204). */
  expectedStatus?: readonly number[];
  /** Issues a new URL after an expiry answer; without it an expired URL fails the upload. */
  renew?: () => Promise<Target>;
}

/** One multipart/form-data POST (OpenIM, OSS PostObject, COS form): fields in order, the file last. */
export interface FormPlan {
  kind: "form";
  url: string;
  fields: ReadonlyArray<readonly [name: string, value: string]>;
  /** Name of the file field (usually "file"). */
  fileField: string;
  /** Defaults to the source name and type (or application/octet-stream). */
  fileName?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Statuses that mean success, e.g. the policy's success_action_status (default 200, 201, 204). */
  successStatus?: readonly number[];
  /** Issues new form fields after an expired policy; without it the upload fails. */
  renew?: () => Promise<{ url: string; fields: ReadonlyArray<readonly [string, string]> }>;
}

/** A part about to be sent, with the hash state before its first byte when the plan asks for midstates. */
export interface PartRequest extends PartLayout {
  midstates: Partial<Record<HashAlgorithm, Midstate>>;
}

export interface PartTarget extends Target {
  partNumber: number;
  method?: "PUT" | "POST";
}

export interface MultipartPlan<Vendor = unknown> {
  kind: "multipart";
  parts: readonly PartLayout[];
  /**
   * Signs URLs for a few parts shortly before they are sent (a batch of about `concurrency` parts). Also called
   * with a single part and `renewing: true` when its URL expired: the part's midstates are the same as before.
   */
  getPartTargets(parts: PartRequest[], context: { renewing: boolean; signal: AbortSignal }): Promise<PartTarget[]>;
  /**
   * Hash states each part's target needs (KooDrive hashCtx, PDS parallel_sha1_ctx), computed in one pass, which
   * also yields the whole-file `digests` that need no states (e.g. the SHA-256 a SHA-1 upload reports).
   */
  midstates?: { algorithms: readonly HashAlgorithm[]; digests?: readonly HashAlgorithm[]; provider?: MidstateProvider; chunkSize?: number };
  /** Reads what complete needs from a part's answer; default the ETag header (a missing one is an error). */
  completePart?: (part: PartLayout, response: TransportResponse) => string | Promise<string>;
  /** Statuses that mean the part was stored (default 200). */
  expectedStatus?: readonly number[];
  /** Opaque vendor state (uploadId, fileId, ...) kept in every checkpoint. */
  vendor?: Vendor;
  /** Called once with the last checkpoint when the caller aborts, e.g. to cancel the vendor's upload session. */
  onAbort?: (checkpoint: MultipartCheckpoint<Vendor>) => Promise<void>;
}

export type UploadPlan = PutPlan | FormPlan | MultipartPlan;
