export interface UploadProgress {
  /** File bytes sent so far: never decreases, never exceeds total, retried bytes are not counted twice. */
  loaded: number;
  total: number;
  /** The part whose bytes moved (multipart uploads only). */
  part?: { number: number; loaded: number; total: number };
}

/**
 * Sums per-part high-water marks: a retried part counts max(bytes reached so far, bytes of the current try),
 * so the total never goes backwards after a reset and never double counts a resend.
 */
export class ProgressTracker {
  private readonly reached = new Map<number, number>();
  private loaded = 0;

  constructor(
    private readonly total: number,
    private readonly emit: ((progress: UploadProgress) => void) | undefined,
  ) {}

  /** Marks parts restored from a checkpoint as already sent, without an event. */
  restore(partNumber: number, size: number): void {
    this.loaded += size - (this.reached.get(partNumber) ?? 0);
    this.reached.set(partNumber, size);
  }

  /** Bytes of `partNumber` sent by the current try (clamped to the part size). */
  update(partNumber: number, bytes: number, partSize: number): void {
    const before = this.reached.get(partNumber) ?? 0;
    const now = Math.min(Math.max(bytes, 0), partSize);
    if (now <= before) return;
    this.reached.set(partNumber, now);
    this.loaded = Math.min(this.total, this.loaded + now - before);
    this.emit?.({ loaded: this.loaded, total: this.total, part: { number: partNumber, loaded: now, total: partSize } });
  }

  complete(partNumber: number, partSize: number): void {
    if (partSize === 0 && !this.reached.has(partNumber)) {
      this.reached.set(partNumber, 0);
      this.emit?.({ loaded: this.loaded, total: this.total, part: { number: partNumber, loaded: 0, total: 0 } });
    }
    this.update(partNumber, partSize, partSize);
  }
}
