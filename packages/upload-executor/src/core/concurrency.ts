import { PlanError } from "./errors.js";

/**
 * Caps requests in flight; share one limit between uploads to cap them all together (sockets, browser's 6 per
 * origin). When the storage throttles, every upload sharing the limit backs off together.
 */
export interface ConcurrencyLimit {
  /** The most requests ever in flight. */
  readonly size: number;
  /** Requests allowed in flight now: `size`, or fewer after throttling. */
  readonly current: number;
  /** Runs `task` once a slot is free. Aborting while still queued rejects with `signal.reason` and frees the place. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /**
   * The storage asked to slow down (429, 503, SlowDown): halve the open slots, at least one. Each task that then
   * succeeds reopens a fraction of a slot, so a full slot comes back after `current` successes (AIMD, as TCP).
   */
  throttled(): void;
}

export function createConcurrencyLimit(size: number): ConcurrencyLimit {
  if (!(Number.isInteger(size) && size >= 1)) throw new PlanError(`concurrency must be a positive integer, got ${size}`, "Pass a whole number of parallel requests, 1 or more");
  let active = 0;
  let open = size;
  // Successes since the last change of `open`: `open` of them reopen one slot.
  let successes = 0;
  const waiting: Array<() => void> = [];

  // A slot passes straight to a queued task (active counts it before it resumes), so no newcomer can slip in between.
  const startQueued = () => {
    while (waiting.length > 0 && active < open) {
      active++;
      waiting.shift()!();
    }
  };

  return {
    size,
    get current() {
      return open;
    },
    throttled() {
      open = Math.max(1, Math.floor(open / 2));
      successes = 0;
    },
    async run(task, signal) {
      if (waiting.length === 0 && active < open) {
        active++;
      } else {
        await new Promise<void>((resolve, reject) => {
          if (signal?.aborted) return reject(signal.reason);
          const start = () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          };
          const onAbort = () => {
            waiting.splice(waiting.indexOf(start), 1);
            reject(signal!.reason);
          };
          waiting.push(start);
          signal?.addEventListener("abort", onAbort, { once: true });
        });
      }
      let succeeded = false;
      try {
        const result = await task();
        succeeded = true;
        return result;
      } finally {
        active--;
        if (succeeded && open < size && ++successes >= open) {
          open++;
          successes = 0;
        }
        startQueued();
      }
    },
  };
}
