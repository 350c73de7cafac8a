import { initialState, sameState, WORD_COUNT } from "../../midstate/hash-state.js";
import type { Problem } from "../../problem.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";
import type { DeclaredPart, UploadMode } from "./uploads.js";

const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PART_SIZE = 5 * 1024 * 1024 * 1024;

/** MultiPartInfo as the client sends it (already schema-validated). */
export interface MultiPartInfoInput {
  partNumber: number;
  partSize: number;
  partOffset?: number;
  hashCtx?: number[];
}

/**
 * Checks the parts against the file length and the upload's mode and turns them into declarations. Concurrent:
 * part 1 starts at 0 from the IV; every other part carries its offset and 8-word SHA-256 context. Serial: no part
 * carries either (its offset and state are the previous part's end, known at PUT time). A part is last when it ends
 * at the file length, and every other part is in [5 MiB, 5 GiB] and a multiple of 64 bytes.
 * Returns the declarations and the mode they fix, or what is wrong as PARAMETER_INVALID.
 */
export function declareParts(
  parts: readonly MultiPartInfoInput[],
  length: number,
  uploadMode: UploadMode | undefined,
): { declared: DeclaredPart[]; mode: UploadMode | undefined } | Problem {
  const invalid = (reason: string) => koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, reason);
  const iv = initialState("sha256");
  const seen = new Set<number>();
  const out: DeclaredPart[] = [];
  let mode = uploadMode;
  for (const part of parts) {
    const where = `part ${part.partNumber}`;
    if (seen.has(part.partNumber)) return invalid(`${where} is listed twice`);
    seen.add(part.partNumber);
    const partMode = modeOf(part);
    if (partMode && mode && partMode !== mode)
      return invalid(`${where} is a ${partMode} part in a ${mode} upload: send partOffset and hashCtx with every part after the first, or with none`);
    mode ??= partMode;
    if (partMode === "serial") {
      if (part.partSize > MAX_PART_SIZE) return invalid(`${where}: partSize must be at most 5 GiB`);
      if (part.partSize > length) return invalid(`${where}: partSize is past the file length ${length}`);
      out.push({ partNumber: part.partNumber, partSize: part.partSize, claimed: undefined, sentCtx: false });
      continue;
    }
    const offset = part.partNumber === 1 ? (part.partOffset ?? 0) : part.partOffset;
    if (offset === undefined) return invalid(`${where} needs partOffset for a concurrent upload`);
    if (part.partNumber === 1 && offset !== 0) return invalid("part 1 must have partOffset 0");
    if (offset % 64 !== 0) return invalid(`${where}: partOffset must be a multiple of 64`);
    if (offset + part.partSize > length) return invalid(`${where} ends at byte ${offset + part.partSize}, past the file length ${length}`);
    if (part.partSize > MAX_PART_SIZE) return invalid(`${where}: partSize must be at most 5 GiB`);
    const last = offset + part.partSize === length;
    if (!last && part.partSize < MIN_PART_SIZE) return invalid(`${where}: partSize must be at least 5 MiB unless it is the last part`);
    if (!last && part.partSize % 64 !== 0) return invalid(`${where}: partSize must be a multiple of 64 unless it is the last part`);
    if (part.hashCtx === undefined && part.partNumber !== 1) return invalid(`${where} needs hashCtx for a concurrent upload`);
    if (part.hashCtx !== undefined && part.hashCtx.length !== WORD_COUNT.sha256) return invalid(`${where}: hashCtx must hold 8 SHA-256 state words`);
    const claimed = part.hashCtx === undefined ? iv : { algorithm: "sha256" as const, h: part.hashCtx, offset };
    if (part.partNumber === 1 && !sameState(claimed, iv)) return invalid("part 1 must start from the initial SHA-256 state (omit its hashCtx)");
    out.push({ partNumber: part.partNumber, partSize: part.partSize, claimed, sentCtx: part.hashCtx !== undefined });
  }
  return { declared: out, mode };
}

/**
 * The mode a part declares (no public page says how the service tells them apart; the sandbox leans to the part
 * fields): a part after the first with neither partOffset nor hashCtx is serial, with either concurrent; part 1
 * is concurrent only with partOffset or hashCtx, else it fits both.
 */
function modeOf(part: MultiPartInfoInput): UploadMode | undefined {
  const sentContext = part.partOffset !== undefined || part.hashCtx !== undefined;
  if (part.partNumber === 1) return sentContext ? "concurrent" : undefined;
  return sentContext ? "concurrent" : "serial";
}
