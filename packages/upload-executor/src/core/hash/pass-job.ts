import { brandError, DirectUploadError, isBrandedError } from "@direct-upload/client-core";
import { MidstateUnalignedError } from "./errors.js";
import type { HashAlgorithm } from "./types.js";

/**
 * What one hashing pass computes: states at `boundaries` for each of `algorithms`, plus whole-source `digests` that
 * need no states (the runtime's plain digest, e.g. node:crypto), read `chunkSize` bytes at a time.
 */
export interface PassJob {
  size: number;
  boundaries: number[];
  algorithms: HashAlgorithm[];
  digests: HashAlgorithm[];
  chunkSize: number;
}

const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

class InvalidPassError extends DirectUploadError {
  static override is(value: unknown): value is InvalidPassError {
    return isBrandedError(value, "InvalidPassError");
  }

  override name: string = brandError(this, "InvalidPassError");

  constructor(detail: string, hint: string) {
    super("midstate_pass_invalid", `Cannot start the hashing pass: ${detail}`, { hint });
  }
}

/** Checks the request up front so a bad part layout fails before any byte is read. */
export function makePassJob(
  size: number,
  boundaries: readonly number[],
  algorithms: readonly HashAlgorithm[],
  chunkSize = DEFAULT_CHUNK_SIZE,
  digests: readonly HashAlgorithm[] = [],
): PassJob {
  if (boundaries[0] !== 0) throw new InvalidPassError(`the first boundary is ${boundaries[0]}, not 0`, "Pass every part's start offset, starting with part 1 at 0");
  boundaries.forEach((offset, i) => {
    if (!Number.isSafeInteger(offset) || offset > size) {
      throw new InvalidPassError(`boundary ${offset} is outside the ${size}-byte source`, "Pass part start offsets within the file");
    }
    if (i > 0 && offset <= boundaries[i - 1]!) {
      throw new InvalidPassError(`boundary ${offset} does not follow ${boundaries[i - 1]}`, "Pass part start offsets in ascending order");
    }
    if (offset % 64 !== 0) throw new MidstateUnalignedError(offset, `part ${i + 1}'s start`);
  });
  const unique = [...new Set(algorithms)];
  const plain = [...new Set(digests)].filter((alg) => !unique.includes(alg));
  if (unique.length + plain.length === 0 || [...unique, ...plain].some((alg) => alg !== "sha1" && alg !== "sha256")) {
    throw new InvalidPassError(
      `algorithms ${JSON.stringify(algorithms)} and digests ${JSON.stringify(digests)} are not a list of "sha1" / "sha256"`,
      'Ask for "sha1", "sha256" or both',
    );
  }
  if (!(Number.isSafeInteger(chunkSize) && chunkSize > 0)) {
    throw new InvalidPassError(`chunkSize ${chunkSize} is not a positive integer`, "Leave chunkSize unset to read 4 MiB at a time");
  }
  return { size, boundaries: [...boundaries], algorithms: unique, digests: plain, chunkSize };
}
