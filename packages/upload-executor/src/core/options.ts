import { systemClock, type Clock } from "./backoff.js";
import { createConcurrencyLimit, type ConcurrencyLimit } from "./concurrency.js";
import { PlanError } from "./errors.js";
import type { UploadProgress } from "./progress.js";
import { defaultRetryOptions, type RetryOptions } from "./retry.js";
import { createXhrTransport } from "./transport/xhr.js";
import type { HttpTransport } from "./transport/types.js";
import { defaultWatchdogOptions, type WatchdogOptions } from "./watchdog.js";

/** Something the upload goes on without, e.g. a hashing worker that could not load (it then hashes on the main thread). */
export interface UploadWarning {
  code: string;
  message: string;
}

/** Tuning shared by every engine; all optional (the transport defaults to XHR in browsers, node:http via /node). */
export interface EngineOptions extends Partial<WatchdogOptions> {
  /** Browsers default to XHR; importing `@direct-upload/upload-executor/node` makes node:http the default in Node. */
  transport?: HttpTransport;
  /** Stops everything: in-flight sockets, timers, the hashing pass. The upload rejects with UploadAbortedError. */
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  retry?: Partial<RetryOptions>;
  /** Parallel part requests: a number (per upload, default 4) or a limit shared with other uploads. */
  concurrency?: number | ConcurrencyLimit;
  /** Randomness and sleeping, for tests. */
  clock?: Clock;
  /** Called with each warning, e.g. once when the hashing worker cannot load (code "hash_worker_unavailable"). */
  onWarning?: (warning: UploadWarning) => void;
  /** Vendor API calls: time allowed for the response headers and between body bytes (the client's own, 30 s, by default). */
  vendorTimeoutMs?: number;
}

export interface ResolvedOptions extends WatchdogOptions {
  transport: HttpTransport;
  signal: AbortSignal;
  onProgress: ((progress: UploadProgress) => void) | undefined;
  retry: RetryOptions;
  limit: ConcurrencyLimit;
  clock: Clock;
}

export function resolveOptions(options: EngineOptions): ResolvedOptions {
  const concurrency = options.concurrency ?? 4;
  return {
    transport: options.transport ?? defaultTransport(),
    signal: options.signal ?? new AbortController().signal,
    onProgress: options.onProgress,
    retry: { ...defaultRetryOptions, ...options.retry },
    limit: typeof concurrency === "number" ? createConcurrencyLimit(concurrency) : concurrency,
    clock: options.clock ?? systemClock,
    stallTimeoutMs: options.stallTimeoutMs ?? defaultWatchdogOptions.stallTimeoutMs,
    responseTimeoutMs: options.responseTimeoutMs ?? defaultWatchdogOptions.responseTimeoutMs,
  };
}

let runtimeTransport: HttpTransport | undefined;

/** Used where there is no XMLHttpRequest; the Node entry registers node:http (the universal entry cannot import it). */
export function setRuntimeTransport(transport: HttpTransport): void {
  runtimeTransport = transport;
}

function defaultTransport(): HttpTransport {
  if (typeof XMLHttpRequest !== "undefined") return createXhrTransport();
  if (runtimeTransport) return runtimeTransport;
  throw new PlanError(
    "no HTTP transport: this runtime has no XMLHttpRequest",
    'In Node, import the upload functions from "@direct-upload/upload-executor/node", or pass a `transport`',
  );
}
