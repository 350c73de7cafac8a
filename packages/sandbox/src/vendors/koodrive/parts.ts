import { initialState, sameState, WORD_COUNT } from "../../midstate/hash-state.js";
import type { Problem } from "../../problem.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";
import type { DeclaredPart } from "./uploads.js";

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
 * Checks the parts of a concurrent upload against the file length and turns them into declarations:
 * part 1 starts at 0 from the IV; every other part carries its offset and 8-word SHA-256 context; a part is
 * last when it ends at the file length, and every other part is in [5 MiB, 5 GiB] and a multiple of 64 bytes.
 * Returns the declarations, or what is wrong as PARAMETER_INVALID.
 */
export function declareParts(parts: readonly MultiPartInfoInput[], length: number): DeclaredPart[] | Problem {
  const invalid = (reason: string) => koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, reason);
  const iv = initialState("sha256");
  const seen = new Set<number>();
  const out: DeclaredPart[] = [];
  for (const part of parts) {
    const where = `part ${part.partNumber}`;
    if (seen.has(part.partNumber)) return invalid(`${where} is listed twice`);
    seen.add(part.partNumber);
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
  return out;
}
