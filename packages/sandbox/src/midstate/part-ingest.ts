import type { ObjectStore } from "../types.js";
import type { HashedPart } from "./chain.js";
import { MidstateHasher, type HashState, type ShaCores } from "./hash-state.js";

export interface IngestedPart extends HashedPart {
  path: string;
  /** Lower-case hex MD5 of the part, the basis of S3/OSS part ETags. */
  md5: string;
}

/**
 * Streams a part body to a scratch file while hashing it from the state the part claims, so the chain can be
 * checked at completion without reading the parts again (the store computes the MD5 from the same chunks).
 */
export async function ingestPart(input: {
  store: ObjectStore;
  body: AsyncIterable<Uint8Array>;
  partNumber: number;
  claimed: HashState;
  maxBytes?: number;
  /** The SHA code that verifies the chain (the sandbox's fastest, SandboxContext.shaCores). */
  cores: ShaCores;
}): Promise<IngestedPart> {
  const hasher = MidstateHasher.resume(input.claimed, input.cores);
  const { path, size, md5 } = await input.store.putScratch(input.body, (chunk) => hasher.update(chunk), input.maxBytes);
  return {
    partNumber: input.partNumber,
    claimed: input.claimed,
    size,
    end: hasher.exportState(),
    digest: hasher.digestHex(),
    path,
    md5,
  };
}
