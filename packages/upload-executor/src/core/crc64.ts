import type { UploadSource } from "./source.js";

/** CRC-64/ECMA-182 as OSS reports it: the CRC-64/XZ parameters (reflected polynomial, init and xorout all ones). */
const POLY_LO = 0xd7870f42;
const POLY_HI = 0xc96c5795;
const SLICES = 8;

/** Slicing-by-8 tables, each 64-bit entry split into low and high 32-bit words (no BigInt in the inner loop). */
const [LO, HI] = buildTables();

function buildTables(): [Uint32Array[], Uint32Array[]] {
  const lo = Array.from({ length: SLICES }, () => new Uint32Array(256));
  const hi = Array.from({ length: SLICES }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let l = n;
    let h = 0;
    for (let bit = 0; bit < 8; bit++) {
      const carry = l & 1;
      l = ((l >>> 1) | (h << 31)) >>> 0;
      h >>>= 1;
      if (carry) {
        l = (l ^ POLY_LO) >>> 0;
        h = (h ^ POLY_HI) >>> 0;
      }
    }
    lo[0]![n] = l;
    hi[0]![n] = h;
  }
  for (let k = 1; k < SLICES; k++) {
    for (let n = 0; n < 256; n++) {
      const l = lo[k - 1]![n]!;
      const h = hi[k - 1]![n]!;
      const i = l & 0xff;
      lo[k]![n] = (((l >>> 8) | (h << 24)) ^ lo[0]![i]!) >>> 0;
      hi[k]![n] = ((h >>> 8) ^ hi[0]![i]!) >>> 0;
    }
  }
  return [lo, hi];
}

/** An incremental CRC-64/ECMA-182 (OSS `x-oss-hash-crc64ecma`, PDS `crc64_hash`). */
export class Crc64 {
  // The register, inverted (init all ones).
  private lo = 0xffffffff;
  private hi = 0xffffffff;

  update(bytes: Uint8Array): this {
    let { lo, hi } = this;
    const [l0, l1, l2, l3, l4, l5, l6, l7] = LO as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    const [h0, h1, h2, h3, h4, h5, h6, h7] = HI as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    let i = 0;
    const whole = bytes.length - (bytes.length % SLICES);
    for (; i < whole; i += SLICES) {
      const a = (lo ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
      const b = (hi ^ (bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24))) >>> 0;
      lo = l7[a & 0xff]! ^ l6[(a >>> 8) & 0xff]! ^ l5[(a >>> 16) & 0xff]! ^ l4[a >>> 24]! ^ l3[b & 0xff]! ^ l2[(b >>> 8) & 0xff]! ^ l1[(b >>> 16) & 0xff]! ^ l0[b >>> 24]!;
      hi = h7[a & 0xff]! ^ h6[(a >>> 8) & 0xff]! ^ h5[(a >>> 16) & 0xff]! ^ h4[a >>> 24]! ^ h3[b & 0xff]! ^ h2[(b >>> 8) & 0xff]! ^ h1[(b >>> 16) & 0xff]! ^ h0[b >>> 24]!;
    }
    for (; i < bytes.length; i++) {
      const index = (lo ^ bytes[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ l0[index]!;
      hi = (hi >>> 8) ^ h0[index]!;
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return this;
  }

  /** The CRC so far as an unsigned decimal string, the form OSS and PDS use. */
  decimal(): string {
    return ((BigInt(~this.hi >>> 0) << 32n) | BigInt(~this.lo >>> 0)).toString();
  }
}

/** CRC-64/ECMA-182 of a whole source, read `chunkSize` bytes at a time; stops when `signal` aborts. */
export async function crc64OfSource(source: UploadSource, signal?: AbortSignal, chunkSize = 4 * 1024 * 1024): Promise<string> {
  const crc = new Crc64();
  for (let start = 0; start < source.size; start += chunkSize) {
    signal?.throwIfAborted();
    crc.update(await source.read(start, Math.min(start + chunkSize, source.size)));
  }
  return crc.decimal();
}
