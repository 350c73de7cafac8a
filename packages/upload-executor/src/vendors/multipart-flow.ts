import type { MultipartCheckpoint } from "../core/multipart/checkpoint.js";
import { uploadMultipart, type MultipartResult } from "../core/multipart/engine.js";
import type { EngineOptions } from "../core/options.js";
import { layoutParts, type PartLayout, type PartSizing } from "../core/part-layout.js";
import type { MultipartPlan } from "../core/plan.js";
import { emitCheckpoint } from "./flow-checkpoint.js";
import { reportDone } from "./flow-engine.js";
import type { VendorPartSizing } from "./descriptor.js";
import type { FlowOptions } from "./flow-types.js";

/** SHA-1/SHA-256 midstates are only complete at 64-byte boundaries: every part but the last is a multiple of 64. */
const MIDSTATE_ALIGN = 64;

/** A checkpoint's state guard for the multipart flows: the engine's checkpoint with this vendor's own state. */
// No side effects (like defineVendor): vendors call it at module level, and a page without that vendor drops it.
/* @__NO_SIDE_EFFECTS__ */
export function isMultipartState<Vendor>(isVendor: (vendor: unknown) => vendor is Vendor) {
  return (state: unknown): state is MultipartCheckpoint<Vendor> => {
    const s = state as Partial<MultipartCheckpoint<unknown>> | null;
    return (
      s?.version === 1 && s.kind === "multipart" && Array.isArray(s.parts) && Array.isArray(s.done) && typeof s.midstates === "object" && s.midstates !== null && isVendor(s.vendor)
    );
  };
}

/**
 * The layout a resume must keep (its parts are already hashed and signed), else a fresh 64-aligned plan within the
 * vendor's limits, starting from the caller's part size (or the vendor default) and grown when the file needs it.
 */
export function flowParts(
  size: number,
  sizing: Omit<PartSizing, "align" | "preferredPartSize"> & { defaultPartSize: number },
  options: Pick<FlowOptions, "partSize">,
  resume: MultipartCheckpoint<unknown> | undefined,
): PartLayout[] {
  if (resume) return resume.parts;
  return layoutParts(size, { ...flowPartSizing(sizing), preferredPartSize: options.partSize ?? sizing.defaultPartSize }).parts;
}

/** A vendor's part limits as the multipart flows apply them: every part but the last on a SHA block boundary. */
/* @__NO_SIDE_EFFECTS__ */
export function flowPartSizing(sizing: Omit<VendorPartSizing, "align">): VendorPartSizing {
  return { ...sizing, align: MIDSTATE_ALIGN };
}

/** Runs the parts of `plan` through the engine, handing each engine checkpoint to the caller as a FlowCheckpoint. */
export async function uploadFlowParts<Vendor>(
  options: FlowOptions,
  vendor: string,
  plan: MultipartPlan<Vendor>,
  engine: EngineOptions,
  resumeFrom: MultipartCheckpoint<Vendor> | undefined,
): Promise<MultipartResult<Vendor>> {
  const result = await uploadMultipart(options.source, plan, {
    ...engine,
    ...(resumeFrom ? { resumeFrom } : {}),
    // Without a caller to receive them, the engine skips copying a checkpoint after every part.
    ...(options.onCheckpoint ? { onCheckpoint: (checkpoint: MultipartCheckpoint<Vendor>) => emitCheckpoint(options, vendor, checkpoint) } : {}),
  });
  // A resume with every part already stored sends nothing, so the engine reported no bytes.
  if (resumeFrom && resumeFrom.done.length === plan.parts.length) reportDone(options, options.source.size);
  return result;
}
