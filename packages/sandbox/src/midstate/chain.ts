import type { Problem } from "../problem.js";
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

/** A chain that checked out: the digest of the whole file and its size. */
export interface VerifiedChain {
  digest: string;
  size: number;
}

/**
 * Checks that parts 1..n form one hash computation: part 1 starts at the IV, each part's end state is exactly the
 * next part's claimed state (same words, contiguous 64-aligned offsets), and the last part, finished, gives
 * `expectedDigest` (hex, any case) when one is known. The resulting digest is then the hash of the whole file.
 * A broken chain is the Problem `broken` makes of the reason (each vendor has its own code for it).
 */
export function verifyChain(parts: readonly HashedPart[], expectedDigest: string | undefined, broken: (reason: string) => Problem): VerifiedChain | Problem {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const first = sorted[0];
  if (!first) return broken("no part was uploaded");
  for (const [i, part] of sorted.entries()) {
    if (part.partNumber !== i + 1) return broken(`part ${i + 1} is missing`);
  }
  if (!sameState(first.claimed, initialState(first.claimed.algorithm))) {
    return broken("part 1 must start from the initial hash state at offset 0");
  }
  for (let i = 0; i + 1 < sorted.length; i++) {
    const part = sorted[i]!;
    const next = sorted[i + 1]!;
    if (!part.end) return broken(`part ${part.partNumber} is not the last part but its size is not a multiple of 64`);
    if (part.end.offset !== next.claimed.offset) {
      return broken(`part ${next.partNumber} claims offset ${next.claimed.offset} but the data before it is ${part.end.offset} bytes`);
    }
    if (!sameState(part.end, next.claimed)) {
      return broken(`part ${next.partNumber} claims a hash state that differs from the end state of part ${part.partNumber}`);
    }
  }
  const last = sorted[sorted.length - 1]!;
  if (expectedDigest !== undefined && expectedDigest.toLowerCase() !== last.digest) {
    return broken(`the ${last.claimed.algorithm} of the uploaded parts does not match the declared file hash`);
  }
  return { digest: last.digest, size: last.claimed.offset + last.size };
}
