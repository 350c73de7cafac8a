import type { ConcurrencyLimit } from "../core/concurrency.js";
import type { EngineOptions } from "../core/options.js";
import type { HashingReport, MidstateHasherKind } from "../core/hash/types.js";
import type { UploadSource } from "../core/source.js";

/** Byte-level progress of one upload: never backwards, never above total. */
export interface FlowProgress {
  loaded: number;
  total: number;
}

/** A JSON-serialisable checkpoint. Persist it (e.g. to a file) and pass it back as `resumeFrom` after a crash. */
export interface FlowCheckpoint {
  version: 1;
  /** The descriptor name of the vendor whose flow wrote it (a string: the registry of names imports the flows). */
  vendor: string;
  /** Fingerprint of the source when the upload started; resuming with a changed source is refused. */
  fingerprint: string;
  size: number;
  /** Vendor- and engine-specific state (upload ids, part layout, done parts, midstates). */
  state: unknown;
}

/** Options every vendor flow accepts. Engine tuning (transport, retry, stall timeout, shared limits) rides in `engine`. */
export interface FlowOptions<Engine = EngineOptions> {
  source: UploadSource;
  signal?: AbortSignal;
  onProgress?: (progress: FlowProgress) => void;
  /** Called after the first request and after every part. Awaited, so a slow store slows the upload rather than losing state. */
  onCheckpoint?: (checkpoint: FlowCheckpoint) => void | Promise<void>;
  /** A checkpoint from an earlier run of the same upload; only what is missing is sent. */
  resumeFrom?: FlowCheckpoint;
  /** Parallel requests for multipart vendors (a number, or a limit shared between uploads). */
  concurrency?: number | ConcurrencyLimit;
  /** Preferred part size for multipart vendors; grown when the file needs it. */
  partSize?: number;
  /** Engine tuning; the flow-level `signal` and `onProgress` take precedence over the same fields here. */
  engine?: Engine;
}

/** What every flow resolves to: the stored object's identity and the content digest. */
export interface UploadResult {
  /** The descriptor name of the vendor, as in FlowCheckpoint. */
  vendor: string;
  name: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the source, computed while uploading (or before create, when nothing had to be sent). */
  sha256: string;
  /** The digest the vendor itself verified, when it verifies one (KooDrive sha256, PDS content_hash). */
  vendorDigest?: { algorithm: "sha1" | "sha256"; hex: string };
  key?: string;
  url?: string;
  fileId?: string;
  cloudObjectId?: string;
  uploadId?: string;
  /** Where the digests were hashed (see HashingReport), when this run hashed. */
  hashing?: HashingReport["hashing"];
  /** Which code hashed: the "native" addon (Node) or "wasm" (hash-wasm). */
  hasher?: MidstateHasherKind;
  /** Nothing was uploaded: a file of that name existed and the conflict mode kept it (`fileId` is the existing file's). */
  existed?: boolean;
  /** Nothing was uploaded: the vendor already held this content and made the file from it (PDS rapid upload, OpenIM's hash dedupe). */
  rapid?: boolean;
}
