import { defaultMidstateProvider, type HashAlgorithm, type MidstatePass } from "../core/multipart/midstates.js";
import type { UploadSource } from "../core/source.js";

export interface WholeHash {
  /** The finished pass: its midstates sign the part URLs, so the upload does not hash again. */
  pass: MidstatePass;
  digests: Partial<Record<HashAlgorithm, string>>;
}

/** Hashes the whole source once, keeping the state at every part boundary for the upload that may follow. */
export async function hashWhole(source: UploadSource, boundaries: readonly number[], algorithms: readonly HashAlgorithm[], signal: AbortSignal | undefined): Promise<WholeHash> {
  const pass = (await defaultMidstateProvider())(source, boundaries, algorithms, signal ? { signal } : {});
  return { pass, digests: await pass.digests() };
}
