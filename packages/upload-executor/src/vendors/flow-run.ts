import { systemClock } from "../core/backoff.js";
import { executePlan } from "../core/execute.js";
import { startMidstatePass } from "../core/hash/pass.js";
import type { EngineOptions } from "../core/options.js";
import type { FormPlan, PutPlan } from "../core/plan.js";
import { defaultRetryOptions, withRetries } from "../core/retry.js";
import type { SingleUploadResult } from "../core/single-request.js";
import type { UploadSource } from "../core/source.js";
import type { FlowOptions } from "./types.js";

/** The engine options a flow runs with: the flow-level signal, progress callback and concurrency win over `engine`'s. */
export function flowEngine(options: Pick<FlowOptions, "signal" | "onProgress" | "concurrency" | "engine">): EngineOptions {
  const engine: EngineOptions = { ...options.engine };
  if (options.signal) engine.signal = options.signal;
  const onProgress = options.onProgress;
  if (onProgress) engine.onProgress = ({ loaded, total }) => onProgress({ loaded, total });
  if (options.concurrency !== undefined) engine.concurrency = options.concurrency;
  return engine;
}

/**
 * Calls a vendor API under the engine's retry policy (retryable VendorApiError, TransportError); once the caller
 * aborts, the call rejects with UploadAbortedError like the storage requests do.
 */
export function callVendor<T>(engine: EngineOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = engine.signal ?? new AbortController().signal;
  return withRetries(() => call(signal), {
    retry: { ...defaultRetryOptions, ...engine.retry },
    clock: engine.clock ?? systemClock,
    signal,
  });
}

/**
 * Sends a PUT or form plan while one SHA-256 pass reads the source alongside (in a Web Worker for browser Blobs),
 * so the digest costs no extra wall time on a network-bound upload.
 */
export async function uploadWithDigest(
  source: UploadSource,
  plan: PutPlan | FormPlan,
  engine: EngineOptions,
): Promise<{ response: SingleUploadResult; sha256: string }> {
  const pass = startMidstatePass(source, [0], ["sha256"], engine.signal ? { signal: engine.signal } : {});
  try {
    const response = await executePlan(source, plan, engine);
    const { sha256 } = await pass.digests();
    return { response, sha256: sha256! };
  } catch (error) {
    pass.cancel();
    throw error;
  }
}

/** Reports a finished upload (resumed from a checkpoint that says so) as fully sent. */
export function reportDone(options: Pick<FlowOptions, "onProgress">, size: number): void {
  options.onProgress?.({ loaded: size, total: size });
}
