import { brandError, DirectUploadError, isBrandedError } from "@direct-upload/client-core";

/**
 * Bytes to upload. Every range can be read again, so any request can be retried without buffering the whole
 * file: Node files are read by range through a FileHandle, Blobs are sliced, Uint8Arrays are viewed.
 */
export interface UploadSource {
  readonly size: number;
  readonly name: string;
  readonly type: string | undefined;
  /**
   * Identity of the content for resume checks (size, mtime, name); a changed file yields a different value. Asked at
   * the start, after every part, at the end and on resume; a file source throws SourceChangedError once it changed.
   */
  fingerprint(): Promise<string>;
  /** Reads bytes [start, end). Never returns fewer bytes unless the source changed, which throws. */
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * Reads bytes [start, end) into `target` (at least end - start bytes long), like read(). Optional: with it, a
   * multipart upload reads into a few reused buffers, and the Node transport into one per request, instead of
   * allocating one per read.
   */
  readInto?(start: number, end: number, target: Uint8Array): Promise<void>;
  /** A Blob for [start, end) when the source is Blob-backed (browsers send it without copying). */
  blob?(start: number, end: number): Blob;
  close?(): Promise<void>;
}

export class SourceChangedError extends DirectUploadError {
  static override is(value: unknown): value is SourceChangedError {
    return isBrandedError(value, "SourceChangedError");
  }

  override name: string = brandError(this, "SourceChangedError");

  constructor(name: string, detail: string) {
    super("source_changed", `${name} changed while it was being uploaded (${detail})`, {
      hint: "Upload the file again from the start; a checkpoint for the old content cannot be reused",
    });
  }
}

/** Throws SourceChangedError unless the source still has the fingerprint it had when the upload started. */
export async function assertUnchanged(source: UploadSource, fingerprint: string): Promise<void> {
  if ((await source.fingerprint()) !== fingerprint) throw new SourceChangedError(source.name, "its fingerprint differs from the start of the upload");
}

function checkRange(source: { size: number; name: string }, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= source.size)) {
    throw new RangeError(`read(${start}, ${end}) is outside ${source.name} (${source.size} bytes)`);
  }
}

export function fromUint8Array(bytes: Uint8Array, name = "bytes", type?: string): UploadSource {
  return {
    size: bytes.byteLength,
    name,
    type,
    async fingerprint() {
      return `bytes:${name}:${bytes.byteLength}`;
    },
    async read(start, end) {
      checkRange(this, start, end);
      return bytes.subarray(start, end);
    },
  };
}

export function fromBlob(blob: Blob, name = (blob as Partial<File>).name ?? "blob"): UploadSource {
  const lastModified = (blob as Partial<File>).lastModified ?? 0;
  return {
    size: blob.size,
    name,
    type: blob.type || undefined,
    async fingerprint() {
      return `blob:${name}:${blob.size}:${lastModified}:${blob.type}`;
    },
    async read(start, end) {
      checkRange(this, start, end);
      const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
      if (bytes.byteLength !== end - start) throw new SourceChangedError(name, "short read");
      return bytes;
    },
    blob(start, end) {
      checkRange(this, start, end);
      return blob.slice(start, end);
    },
  };
}
