/** Caps requests in flight; share one limit between uploads to cap them all together (sockets, browser's 6 per origin). */
export interface ConcurrencyLimit {
  readonly size: number;
  /** Runs `task` once a slot is free. Aborting while still queued rejects with `signal.reason` and frees the place. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createConcurrencyLimit(size: number): ConcurrencyLimit {
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`concurrency must be a positive integer, got ${size}`);
  let active = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    active--;
    waiting.shift()?.();
  };

  return {
    size,
    async run(task, signal) {
      if (active >= size) {
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
      active++;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
