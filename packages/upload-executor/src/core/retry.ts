import { fullJitterDelay, parseRetryAfter, type Clock } from "./backoff.js";
import { classifyFailure, isThrottling } from "./classify.js";
import type { ConcurrencyLimit } from "./concurrency.js";
import { UploadAbortedError } from "./errors.js";
import { StorageError } from "./storage-error.js";

export interface RetryOptions {
  /** Tries per request, the first included (default 5; at least 3 is recommended). */
  maxAttempts: number;
  /** Full-jitter backoff base (default 100 ms) and cap (default 20 s). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured on 429/503 (default 60 s); longer hints are cut to this. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

export interface RetryContext {
  retry: RetryOptions;
  clock: Clock;
  signal: AbortSignal;
  /** Gets a fresh target after an expiry answer; without it an expired URL is fatal. */
  renew?: (() => Promise<void>) | undefined;
  /** The limit the requests run under: a throttling answer narrows it for every upload that shares it. */
  limit?: ConcurrencyLimit | undefined;
  /** Called before every new try (after a failure), e.g. to reset per-attempt progress. */
  onRetry?: ((error: unknown, delayMs: number) => void) | undefined;
}

/**
 * Runs `attempt` until it succeeds, a fatal error occurs or the tries run out; throws the last typed error.
 * An expiry renews the target and retries at once; only a second expiry in a row costs a try.
 */
export async function withRetries<T>(attempt: () => Promise<T>, ctx: RetryContext): Promise<T> {
  const { clock } = ctx;
  let failures = 0;
  let renewedLast = false;
  for (;;) {
    if (ctx.signal.aborted) throw new UploadAbortedError(ctx.signal.reason);
    try {
      return await attempt();
    } catch (error) {
      if (ctx.signal.aborted) throw new UploadAbortedError(ctx.signal.reason);
      const kind = classifyFailure(error);
      if (kind === "fatal" || kind === "abort" || (kind === "renew" && !ctx.renew)) throw error;
      if (kind === "renew") {
        if (renewedLast && ++failures >= ctx.retry.maxAttempts) throw error;
        renewedLast = true;
        ctx.onRetry?.(error, 0);
        await ctx.renew!();
        continue;
      }
      renewedLast = false;
      if (isThrottling(error)) ctx.limit?.throttled();
      if (++failures >= ctx.retry.maxAttempts) throw error;
      const delay = retryDelay(error, failures - 1, ctx.retry, clock);
      ctx.onRetry?.(error, delay);
      try {
        await clock.sleep(delay, ctx.signal);
      } catch {
        throw new UploadAbortedError(ctx.signal.reason);
      }
    }
  }
}

/** Backoff for the n-th retry (from 0), stretched to the server's Retry-After on 429/503. */
export function retryDelay(error: unknown, retry: number, options: RetryOptions, clock: Pick<Clock, "random" | "now">): number {
  const jitter = fullJitterDelay(retry, options, clock.random);
  if (StorageError.is(error) && (error.status === 429 || error.status === 503)) {
    const hinted = parseRetryAfter(error.retryAfter, clock.now());
    if (hinted !== undefined) return Math.max(jitter, Math.min(hinted, options.maxRetryAfterMs));
  }
  return jitter;
}
