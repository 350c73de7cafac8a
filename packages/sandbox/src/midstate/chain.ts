import { initialState, sameState, type HashState } from "./hash-state.js";

/** What the storage plane learnt about one part: the state it claimed, and what hashing its bytes from there gave. */
export interface HashedPart {
  partNumber: number;
  claimed: HashState;
  size: number;
  /** State after the part; undefined when the part ends mid-block (allowed only for the last part). */
  end: HashState | undefined;
  /** Lower-case hex digest if this part were the last one. */
  digest: string;
}

export type ChainResult =
  | { ok: true; digest: string; size: number }
  | { ok: false; reason: string };

/**
 * Checks that parts 1..n form one hash computation: part 1 starts at the IV, each part's end state is exactly the
 * next part's claimed state (same words, contiguous 64-aligned offsets), and the last part, finished, gives
 * `expectedDigest` (hex, any case) when one is known. The resulting digest is then the hash of the whole file.
 */
export function verifyChain(parts: readonly HashedPart[], expectedDigest?: string): ChainResult {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const first = sorted[0];
  if (!first) return { ok: false, reason: "no part was uploaded" };
  for (const [i, part] of sorted.entries()) {
    if (part.partNumber !== i + 1) return { ok: false, reason: `part ${i + 1} is missing` };
  }
  if (!sameState(first.claimed, initialState(first.claimed.algorithm))) {
    return { ok: false, reason: "part 1 must start from the initial hash state at offset 0" };
  }
  for (let i = 0; i + 1 < sorted.length; i++) {
    const part = sorted[i]!;
    const next = sorted[i + 1]!;
    if (!part.end) return { ok: false, reason: `part ${part.partNumber} is not the last part but its size is not a multiple of 64` };
    if (part.end.offset !== next.claimed.offset) {
      return { ok: false, reason: `part ${next.partNumber} claims offset ${next.claimed.offset} but the data before it is ${part.end.offset} bytes` };
    }
    if (!sameState(part.end, next.claimed)) {
      return { ok: false, reason: `part ${next.partNumber} claims a hash state that differs from the end state of part ${part.partNumber}` };
    }
  }
  const last = sorted[sorted.length - 1]!;
  if (expectedDigest !== undefined && expectedDigest.toLowerCase() !== last.digest) {
    return { ok: false, reason: `the ${last.claimed.algorithm} of the uploaded parts does not match the declared file hash` };
  }
  return { ok: true, digest: last.digest, size: last.claimed.offset + last.size };
}
