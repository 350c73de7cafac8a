import { initialState, WORD_COUNT, type HashAlgorithm, type HashState } from "../../midstate/hash-state.js";
import { problem, type Problem } from "../../problem.js";
import { ctxField, type ParallelCtx, type PdsDeclaredPart } from "./uploads.js";

/** PartInfoRequest as the client sends it (already schema-validated). */
export interface PartInfoInput {
  part_number: number;
  parallel_sha1_ctx?: Partial<ParallelCtx>;
  parallel_sha256_ctx?: Partial<ParallelCtx>;
  content_type?: string;
}

/**
 * Turns a part_info_list into declarations. In parallel mode each part carries the context of its upload's
 * algorithm: part 1 `h: []` or `h: [0]` at offset 0 (the IV), every other part all state words and a 64-aligned
 * offset, with offsets increasing by part number and within the file size. A part already declared may come back
 * with its number alone (the official SDK's resume, `ChunkUtil.ts` / `BaseUploader.js`): it keeps its context, which
 * the sandbox leans to the service remembering. Returns them, or what is wrong.
 */
export function declarePdsParts(
  parts: readonly PartInfoInput[],
  upload: { parallel: boolean; algorithm: HashAlgorithm; size: number | undefined; declared?: ReadonlyMap<number, PdsDeclaredPart> },
): PdsDeclaredPart[] | Problem {
  const invalid = (reason: string) => problem(400, "InvalidParameterWrongFormat.PartInfoList", reason);
  const field = ctxField(upload.algorithm);
  const other = field === "parallel_sha1_ctx" ? "parallel_sha256_ctx" : "parallel_sha1_ctx";
  const out: PdsDeclaredPart[] = [];
  for (const part of [...parts].sort((a, b) => a.part_number - b.part_number)) {
    const where = `part ${part.part_number}`;
    if (out.some((p) => p.partNumber === part.part_number)) return invalid(`${where} is listed twice`);
    if (upload.parallel && part[other]) return invalid(`${where} sends ${other} but the upload hashes with ${upload.algorithm}`);
    const known = part[field] === undefined ? upload.declared?.get(part.part_number) : undefined;
    const declared = !upload.parallel
      ? { claimed: undefined, ctx: undefined }
      : known
        ? { claimed: known.claimed, ctx: known.ctx }
        : claimOf(part.part_number, part[field], upload.algorithm);
    if (typeof declared === "string") return invalid(`${where}: ${declared}`);
    const previous = out[out.length - 1]?.claimed;
    if (declared.claimed && previous && declared.claimed.offset <= previous.offset) return invalid(`${where}: part_offset must grow with part_number`);
    if (declared.claimed && upload.size !== undefined && declared.claimed.offset > upload.size) return invalid(`${where}: part_offset is past the file size`);
    out.push({ partNumber: part.part_number, ...declared, contentType: part.content_type });
  }
  return out;
}

function claimOf(partNumber: number, ctx: Partial<ParallelCtx> | undefined, algorithm: HashAlgorithm) {
  const offset = ctx?.part_offset ?? (partNumber === 1 ? 0 : undefined);
  if (offset === undefined || ctx?.h === undefined) {
    return partNumber === 1 && ctx === undefined
      ? { claimed: initialState(algorithm), ctx: undefined }
      : `${ctxField(algorithm)} with h and part_offset is required in parallel mode`;
  }
  if (offset % 64 !== 0) return "part_offset must be a multiple of 64";
  const echo: ParallelCtx = { h: ctx.h, part_offset: offset };
  if (partNumber === 1) {
    if (offset !== 0 || ctx.h.length > 1 || (ctx.h[0] ?? 0) !== 0) return "must send h [] (or [0]) and part_offset 0";
    return { claimed: initialState(algorithm), ctx: echo };
  }
  if (ctx.h.length !== WORD_COUNT[algorithm]) return `h must hold the ${WORD_COUNT[algorithm]} ${algorithm} state words`;
  const claimed: HashState = { algorithm, h: ctx.h, offset };
  return { claimed, ctx: echo };
}
