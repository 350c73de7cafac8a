// Chained SHA-1 / SHA-256 midstates for KooDrive (hashCtx, partOffset) and PDS (parallel_sha*_ctx {h, part_offset}).
export type { HashAlgorithm, HashingReport, Midstate, MidstateHasher, MidstateHasherKind } from "./types.js";
export { initialMidstate, createMidstateHasher, createWasmMidstateHasher, midstateHasherKind } from "./hasher.js";
export { startMidstatePass, type MidstatePass, type MidstatePassOptions } from "./pass.js";
export { MidstateUnalignedError, InvalidMidstateError, MidstateUnsupportedError } from "./errors.js";
