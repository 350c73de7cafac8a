import { expect, it } from "vitest";
import { runPool } from "./pool.js";

it("runs every item with at most `width` at once, starting them in order", async () => {
  let active = 0;
  let peak = 0;
  const started: number[] = [];
  await runPool([30, 10, 20, 0, 5], 2, async (ms, index) => {
    started.push(index);
    peak = Math.max(peak, ++active);
    await new Promise((resolve) => setTimeout(resolve, ms));
    active--;
  });
  expect(started).toEqual([0, 1, 2, 3, 4]);
  expect(peak).toBe(2);
});

it("takes no new item once the signal aborts", async () => {
  const controller = new AbortController();
  const seen: number[] = [];
  await runPool(
    [1, 2, 3, 4],
    1,
    async (item) => {
      seen.push(item);
      if (item === 2) controller.abort();
    },
    controller.signal,
  );
  expect(seen).toEqual([1, 2]);
});

it("after a rejection takes no new item, lets the running ones settle, then rejects with the first error", async () => {
  const started: number[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let secondSettled = false;
  const pool = runPool([1, 2, 3, 4], 2, async (item) => {
    started.push(item);
    if (item === 1) throw new Error("first");
    await gate;
    secondSettled = true;
    throw new Error("second");
  });
  // Opens the gate only after every pending promise job ran: a pool that rejected at once would already have.
  setImmediate(release);
  await expect(pool).rejects.toThrow("first");
  expect(secondSettled).toBe(true);
  expect(started).toEqual([1, 2]);
});
