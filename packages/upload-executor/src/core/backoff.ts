/** Randomness and waiting, injectable so tests run without real delays. */
export interface Clock {
  /** Uniform in [0, 1). */
  random(): number;
  /** Resolves after `ms`, or rejects with `signal.reason` as soon as the signal aborts (timer cleared). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
}

export const systemClock: Clock = {
  random: Math.random,
  now: Date.now,
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  },
};

export interface BackoffOptions {
  /** First retry waits up to this (default 100 ms). */
  baseDelayMs: number;
  /** No wait is longer than this (default 20 s). */
  maxDelayMs: number;
}

/** Full jitter (AWS "standard" retry): uniform in [0, min(cap, base × 2^retry)), retry counted from 0. */
export function fullJitterDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates always name a weekday and month; this keeps Date.parse away from bare numbers like "-1".
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
