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
  await runPool([1, 2, 3, 4], 1, async (item) => {
    seen.push(item);
    if (item === 2) controller.abort();
  }, controller.signal);
  expect(seen).toEqual([1, 2]);
});
