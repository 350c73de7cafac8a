import { partSizeAdjustment, type VendorDescriptor } from "@direct-upload/upload-executor";
import { UsageError } from "./usage-error.js";

/** What the flow will use instead of `--part-size` for one file, and why. */
export interface PartSizeNotice {
  requested: number;
  used: number;
  reason: string;
}

/** Refuses a `--part-size` above the vendor's largest part: the flow would silently shrink it. */
export function checkPartSize(vendor: VendorDescriptor, partSize: number | undefined): number | undefined {
  const max = vendor.partSizing?.maxPartSize;
  if (partSize !== undefined && max !== undefined && partSize > max) {
    throw new UsageError(`--part-size ${partSize} is above ${vendor.displayName}'s largest part (${max} bytes)`);
  }
  return partSize;
}

/** Set when the vendor's flow grows or aligns `--part-size` for a file of `size` bytes. */
export function partSizeNotice(vendor: VendorDescriptor, partSize: number | undefined, size: number): PartSizeNotice | undefined {
  if (partSize === undefined || !vendor.partSizing) return undefined;
  const adjusted = partSizeAdjustment(size, { ...vendor.partSizing, preferredPartSize: partSize });
  return adjusted && { requested: partSize, used: adjusted.partSize, reason: adjusted.reason };
}
