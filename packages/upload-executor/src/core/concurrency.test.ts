import { describe, expect, it } from "vitest";
import { createConcurrencyLimit, type ConcurrencyLimit } from "./concurrency.js";
import { PlanError } from "./errors.js";

/** Runs `count` tasks that each wait for their turn to be released, one release per tick; returns the most at once. */
async function peakOf(limit: ConcurrencyLimit, count: number): Promise<number> {
  let active = 0;
  let peak = 0;
  const gates: Array<() => void> = [];
  const task = () =>
    limit.run(async () => {
      peak = Math.max(peak, ++active);
      await new Promise<void>((resolve) => gates.push(resolve));
      active--;
    });
  const all = Promise.all(Array.from({ length: count }, task));
  while (gates.length > 0 || active > 0) {
    await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  }
  await all;
  return peak;
}

describe("createConcurrencyLimit", () => {
  it.each([0, 1.5, Number.NaN])("refuses a size of %s with a typed PlanError", (size) => {
    expect(() => createConcurrencyLimit(size)).toThrow(PlanError);
  });

  it("never runs more tasks than its size, across every caller sharing it", async () => {
    expect(await peakOf(createConcurrencyLimit(2), 5)).toBe(2);
  });

  it("drops a queued task when its signal aborts", async () => {
    const limit = createConcurrencyLimit(1);
    let release!: () => void;
    const first = limit.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    let ran = false;
    const queued = limit.run(async () => void (ran = true), controller.signal);
    controller.abort(new Error("stop"));
    await expect(queued).rejects.toThrow("stop");
    release();
    await first;
    expect(ran).toBe(false);
    await expect(limit.run(async () => 7)).resolves.toBe(7);
  });

  it("halves the open slots when throttled and reopens one slot per round of successes", async () => {
    const limit = createConcurrencyLimit(4);
    limit.throttled();
    expect(limit.current).toBe(2);
    limit.throttled();
    limit.throttled();
    expect(limit.current).toBe(1);

    const peak = await peakOf(limit, 3);
    // One slot: the first task ran alone; its success reopened a second slot, which the other two then shared.
    expect(peak).toBe(2);
    expect(limit.current).toBe(3);
    for (let i = 0; i < 3; i++) await limit.run(async () => undefined);
    expect(limit.current).toBe(4);
    await limit.run(async () => undefined);
    expect(limit.current).toBe(4);
  });

  it("does not reopen slots for failed tasks", async () => {
    const limit = createConcurrencyLimit(2);
    limit.throttled();
    await expect(limit.run(() => Promise.reject(new Error("503")))).rejects.toThrow("503");
    expect(limit.current).toBe(1);
  });
});
