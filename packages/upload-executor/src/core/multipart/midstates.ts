import type { HashAlgorithm, HashingReport, Midstate, MidstatePass, MidstatePassOptions } from "../hash/index.js";
import type { UploadSource } from "../source.js";

export type { HashAlgorithm, HashingReport, Midstate, MidstatePass };

/** Starts a hashing pass that yields the state at each boundary; `startMidstatePass` from core/hash by default. */
export type MidstateProvider = (source: UploadSource, boundaries: readonly number[], algorithms: readonly HashAlgorithm[], options: MidstatePassOptions) => MidstatePass;

/** The core/hash pass, loaded only when a plan needs midstates so PUT/form uploads never load the hashing code. */
export const defaultMidstateProvider = async (): Promise<MidstateProvider> => (await import("../hash/index.js")).startMidstatePass;
