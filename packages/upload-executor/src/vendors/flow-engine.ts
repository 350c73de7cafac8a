import type { CallOptions } from "@direct-upload/client-core";
import { systemClock } from "../core/backoff.js";
import type { EngineOptions } from "../core/options.js";
import { defaultRetryOptions, withRetries } from "../core/retry.js";
import type { FlowOptions } from "./flow-types.js";

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
 * One vendor request with the engine's timeout and a signal of its own, linked to `signal`: fetch leaves a listener
 * on the signal a request is made with, so requests never get a long-lived one and nothing piles up across retries.
 */
export async function oneVendorCall<T>(engine: EngineOptions, signal: AbortSignal, call: (options: CallOptions) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await call({ signal: controller.signal, ...(engine.vendorTimeoutMs === undefined ? {} : { timeoutMs: engine.vendorTimeoutMs }) });
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * Calls a vendor API under the engine's retry policy (retryable VendorApiError, TransportError: timeouts included);
 * once the caller aborts, the call rejects with UploadAbortedError like the storage requests do.
 */
export function callVendor<T>(engine: EngineOptions, call: (options: CallOptions) => Promise<T>): Promise<T> {
  const signal = engine.signal ?? new AbortController().signal;
  return withRetries(() => oneVendorCall(engine, signal, call), {
    retry: { ...defaultRetryOptions, ...engine.retry },
    clock: engine.clock ?? systemClock,
    signal,
  });
}

/** Reports a finished upload (resumed from a checkpoint that says so) as fully sent. */
export function reportDone(options: Pick<FlowOptions, "onProgress">, size: number): void {
  options.onProgress?.({ loaded: size, total: size });
}
