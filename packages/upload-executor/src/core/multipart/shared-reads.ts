import type { PartLayout } from "../part-layout.js";
import type { UploadSource } from "../source.js";

interface Chunk {
  start: number;
  end: number;
  /** The part still to send that holds this chunk; undefined when no part needs it. */
  part: PartLayout | undefined;
  bytes: Promise<Uint8Array>;
  /** The pool buffer the chunk was read into (sources with readInto), recycled once nobody needs it. */
  buffer: Uint8Array | undefined;
  hashed: boolean;
  sent: boolean;
}

/**
 * One read of each byte for both the hashing pass and the part uploads. `pass` reads the source in order and keeps
 * each chunk of a part still to send; `parts` serves a part's range from a kept chunk (or one being read) as a view,
 * without reading or copying it again. Whatever is not kept (a retry, a resume without a pass) is read from the
 * source as before, so a retried part sends the source's bytes again.
 *
 * Memory stays at `capacity` chunks. A source with `readInto` is read into a pool of that many reused buffers: the
 * pass waits for a free one, and a buffer is reused only when the pass asked for its next chunk (so it has hashed or
 * copied this one) and the part has read past it (the Node transport asks for its next range only once the socket has
 * taken the previous one) or was stored. Other sources keep at most `capacity` chunks and read the rest twice.
 */
export class SharedReads {
  private readonly chunks: Chunk[] = [];
  private readonly pending: PartLayout[];
  private readonly free: Uint8Array[] = [];
  private readonly reached = new Map<PartLayout, number>();
  private pooled = 0;
  private size = 0;
  private room: (() => void) | undefined;
  /** Where the pass reads next while it runs (after its first read, before its last); undefined otherwise. */
  private passNext: number | undefined;
  private passMoved: Array<() => void> = [];
  private closed = false;
  readonly pass: UploadSource;
  readonly parts: UploadSource;

  constructor(
    private readonly source: UploadSource,
    todo: readonly PartLayout[],
    private readonly capacity: number,
  ) {
    this.pending = [...todo];
    this.pass = this.view((start, end) => this.passRead(start, end));
    this.parts = this.view((start, end) => this.partRead(start, end));
  }

  /** A part was stored: its chunks are not needed any more. */
  stored(part: PartLayout): void {
    const index = this.pending.indexOf(part);
    if (index >= 0) this.pending.splice(index, 1);
    this.reached.delete(part);
    for (const chunk of this.chunks) if (chunk.part === part) chunk.sent = true;
    this.sweep();
  }

  /** The upload ended: nothing is kept any more, and a pass waiting for a buffer reads without one. */
  clear(): void {
    this.closed = true;
    this.chunks.length = 0;
    this.pending.length = 0;
    this.free.length = 0;
    this.passNext = undefined;
    for (const resolve of this.passMoved.splice(0)) resolve();
    this.wake();
  }

  private async passRead(start: number, end: number): Promise<Uint8Array> {
    // The pass reads one chunk at a time: asking for this one means it is done with every earlier one.
    for (const chunk of this.chunks) chunk.hashed = true;
    this.sweep();
    const part = this.pending.find((p) => p.offset <= start && end <= p.offset + p.size);
    const pooled = this.source.readInto !== undefined;
    const keep = !this.closed && (pooled || (part !== undefined && this.chunks.length < this.capacity));
    const buffer = keep && pooled ? await this.buffer(end - start) : undefined;
    const bytes = buffer ? this.source.readInto!(start, end, buffer).then(() => buffer.subarray(0, end - start)) : this.source.read(start, end);
    if (keep && (buffer || !pooled)) {
      const chunk: Chunk = { start, end, part, bytes, buffer, hashed: false, sent: !part };
      this.chunks.push(chunk);
      // A failed read is not kept: the part reading the same range gets the error from the source itself.
      bytes.catch(() => this.drop(chunk, false));
    }
    this.passNext = end < this.source.size ? end : undefined;
    for (const resolve of this.passMoved.splice(0)) resolve();
    return bytes;
  }

  private async partRead(start: number, end: number): Promise<Uint8Array> {
    const part = this.pending.find((p) => p.offset <= start && start < p.offset + p.size);
    if (part) {
      const reached = this.reached.get(part) ?? part.offset;
      // A retry starts the part again: a chunk the failed try was sending may still be in a socket's hands.
      if (start < reached) for (const chunk of [...this.chunks]) if (chunk.part === part && chunk.start < reached) this.drop(chunk, false);
      for (const chunk of this.chunks) if (chunk.part === part && chunk.end <= start) chunk.sent = true;
      this.reached.set(part, end);
      this.sweep();
    }
    let chunk = this.chunks.find((c) => c.start <= start && end <= c.end);
    // Ahead of a running pass (which waits for a free buffer): the pass will read this range soon, once.
    while (!chunk && part && this.passNext !== undefined && start >= this.passNext && !this.closed) {
      await new Promise<void>((resolve) => this.passMoved.push(resolve));
      chunk = this.chunks.find((c) => c.start <= start && end <= c.end);
    }
    const bytes = await chunk?.bytes.catch(() => undefined);
    return bytes ? bytes.subarray(start - chunk!.start, end - chunk!.start) : this.source.read(start, end);
  }

  /** A pool buffer of at least `size` bytes, waiting for one while all are in use; undefined once closed. */
  private async buffer(size: number): Promise<Uint8Array | undefined> {
    // Every buffer has the size of the largest chunk so far (the pass's chunk size after its first read).
    this.size = Math.max(this.size, size);
    for (;;) {
      if (this.closed) return undefined;
      const index = this.free.findIndex((b) => b.byteLength >= size);
      if (index >= 0) return this.free.splice(index, 1)[0];
      if (this.free.length > 0) {
        // Too small for this chunk: give its place to a larger one.
        this.free.pop();
        this.pooled--;
      }
      if (this.pooled < this.capacity) {
        this.pooled++;
        return new Uint8Array(this.size);
      }
      await new Promise<void>((resolve) => (this.room = resolve));
    }
  }

  private sweep(): void {
    for (const chunk of [...this.chunks]) if (chunk.hashed && chunk.sent) this.drop(chunk, true);
  }

  /** Forgets a chunk; its buffer goes back to the pool only when no one can still be using it. */
  private drop(chunk: Chunk, recycle: boolean): void {
    const index = this.chunks.indexOf(chunk);
    if (index < 0) return;
    this.chunks.splice(index, 1);
    if (!chunk.buffer || this.closed) return;
    if (recycle) this.free.push(chunk.buffer);
    else this.pooled--;
    this.wake();
  }

  private wake(): void {
    const room = this.room;
    this.room = undefined;
    room?.();
  }

  private view(read: UploadSource["read"]): UploadSource {
    const { source } = this;
    return {
      size: source.size,
      name: source.name,
      type: source.type,
      fingerprint: () => source.fingerprint(),
      read,
      ...(source.blob ? { blob: (start: number, end: number) => source.blob!(start, end) } : {}),
    };
  }
}
