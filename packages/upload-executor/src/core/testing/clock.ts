// Test-only clock: retries wait 0 ms and the requested delays are recorded.
import type { Clock } from "../backoff.js";

export function instantClock(random = () => 0.5): Clock & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    random,
    now: Date.now,
    async sleep(ms, signal) {
      delays.push(ms);
      if (signal.aborted) throw signal.reason;
    },
  };
}

/** Progress events in order, and a check that they only ever grow and end at `total`. */
export function progressLog() {
  const events: Array<{ loaded: number; total: number }> = [];
  return {
    events,
    onProgress: (p: { loaded: number; total: number }) => events.push({ loaded: p.loaded, total: p.total }),
    monotonic: () => events.every((e, i) => e.loaded <= e.total && (i === 0 || e.loaded >= events[i - 1]!.loaded)),
    last: () => events.at(-1),
  };
}
