import { PlanError } from "./errors.js";

/** One part of a multipart upload: 1-based number, byte offset in the source, byte size. */
export interface PartLayout {
  number: number;
  offset: number;
  size: number;
}

export interface PartSizing {
  /** Smallest size of every part but the last (KooDrive 5 MiB). */
  minPartSize: number;
  /** Largest part (KooDrive and OSS 5 GiB). */
  maxPartSize: number;
  /** Most parts the vendor accepts (PDS and OSS 10,000). */
  maxParts: number;
  /** Every part but the last is a multiple of this (64 for SHA-1/SHA-256 midstates). Default 1. */
  align?: number;
  /** Wanted part size; grown (never shrunk below minPartSize) when the file would need too many parts. */
  preferredPartSize?: number;
}

/** The part size chosen for a file and the parts it gives. */
export interface LaidOutParts {
  partSize: number;
  parts: PartLayout[];
}

const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;

/**
 * Equal parts of `partSize` and a last part of 1..partSize bytes (a 0-byte file is one 0-byte part).
 * An exact multiple of the part size ends with a full part: nothing is added to aligned sizes.
 */
export function layoutParts(size: number, sizing: PartSizing): LaidOutParts {
  const align = sizing.align ?? 1;
  if (!Number.isSafeInteger(size) || size < 0) throw new PlanError(`file size must be a non-negative integer, got ${size}`);
  const largest = Math.floor(sizing.maxPartSize / align) * align;
  const smallest = roundUp(sizing.minPartSize, align);
  if (largest < smallest || sizing.maxParts < 1) {
    throw new PlanError(`no part size fits between ${sizing.minPartSize} and ${sizing.maxPartSize} bytes in steps of ${align}`);
  }
  let partSize = Math.min(Math.max(roundUp(sizing.preferredPartSize ?? smallest, align), smallest), largest);
  if (Math.ceil(size / partSize) > sizing.maxParts) partSize = roundUp(Math.ceil(size / sizing.maxParts), align);
  if (partSize > largest) {
    throw new PlanError(
      `a ${size}-byte file needs parts of ${partSize} bytes to stay within ${sizing.maxParts} parts, above the ${sizing.maxPartSize}-byte maximum`,
      "The vendor cannot take a file this large in one upload",
    );
  }
  const count = Math.max(1, Math.ceil(size / partSize));
  const parts: PartLayout[] = [];
  for (let i = 0; i < count; i++) {
    const offset = i * partSize;
    parts.push({ number: i + 1, offset, size: Math.min(partSize, size - offset) });
  }
  return { partSize, parts };
}

/** The part size layoutParts uses instead of the preferred one, and why; undefined when it keeps the preferred size. */
export function partSizeAdjustment(size: number, sizing: PartSizing & { preferredPartSize: number }): { partSize: number; reason: string } | undefined {
  const { partSize } = layoutParts(size, sizing);
  const wanted = sizing.preferredPartSize;
  if (partSize === wanted) return undefined;
  const align = sizing.align ?? 1;
  let reason: string;
  if (Math.ceil(size / Math.max(wanted, sizing.minPartSize)) > sizing.maxParts) reason = `so the ${size}-byte file fits in the vendor's ${sizing.maxParts} parts`;
  else if (wanted < sizing.minPartSize) reason = `the vendor's smallest part is ${sizing.minPartSize} bytes`;
  else if (wanted > sizing.maxPartSize) reason = `the vendor's largest part is ${sizing.maxPartSize} bytes`;
  else reason = `parts are multiples of ${align} bytes (the SHA block the hash states are chained at)`;
  return { partSize, reason };
}

/** Checks a layout from elsewhere (a checkpoint, a vendor answer): contiguous, 1-based, covering exactly `size`. */
export function checkPartLayout(parts: readonly PartLayout[], size: number, align = 1): void {
  let offset = 0;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (part.number !== index + 1 || part.offset !== offset || part.size < 0 || (!last && part.size % align !== 0)) {
      throw new PlanError(`part ${part.number} (offset ${part.offset}, ${part.size} bytes) breaks the layout at byte ${offset}`);
    }
    offset += part.size;
  });
  if (parts.length === 0 || offset !== size) throw new PlanError(`the parts cover ${offset} bytes but the source has ${size}`);
}
