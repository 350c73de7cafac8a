// Test-only clock: retries wait 0 ms and the requested delays are recorded.
import type { Clock } from "../../src/core/backoff.js";

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
