import { SourceChangedError, type UploadSource } from "../source.js";
import { CheckpointMismatchError } from "../errors.js";
import type { PartLayout } from "../part-layout.js";
import type { HashAlgorithm, Midstate } from "./midstates.js";

/** A part the storage accepted. `etag` is what the vendor's complete call needs. */
export interface UploadedPart extends PartLayout {
  etag: string;
}

/**
 * Plain-JSON state of a multipart upload, emitted before the first part and after every part. Persist it and pass
 * it back as `resumeFrom` (with the same source) to send only the missing parts.
 */
export interface MultipartCheckpoint<Vendor = unknown> {
  version: 1;
  kind: "multipart";
  fingerprint: string;
  size: number;
  parts: PartLayout[];
  done: UploadedPart[];
  /** Hash state before each part, by part number, once computed. */
  midstates: Record<string, Partial<Record<HashAlgorithm, Midstate>>>;
  /** Whole-file digests, once the hashing pass finished. */
  digests?: Partial<Record<HashAlgorithm, string>>;
  /** The vendor flow's own state (uploadId, fileId, ...). */
  vendor?: Vendor;
}

/** Refuses a checkpoint made for other content or another layout (SourceChangedError / CheckpointMismatchError). */
export async function verifyCheckpoint(checkpoint: MultipartCheckpoint, source: UploadSource, parts?: readonly PartLayout[]): Promise<void> {
  if (checkpoint.version !== 1 || checkpoint.kind !== "multipart") throw new CheckpointMismatchError("unknown checkpoint format");
  const fingerprint = await source.fingerprint();
  if (checkpoint.fingerprint !== fingerprint || checkpoint.size !== source.size) {
    throw new SourceChangedError(source.name, "its size or fingerprint differs from the checkpoint");
  }
  if (
    parts &&
    JSON.stringify(parts.map(({ number, offset, size }) => [number, offset, size])) !== JSON.stringify(checkpoint.parts.map(({ number, offset, size }) => [number, offset, size]))
  ) {
    throw new CheckpointMismatchError("the part layout differs");
  }
}
