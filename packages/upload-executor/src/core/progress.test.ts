import { describe, expect, it } from "vitest";
import { ProgressTracker, type UploadProgress } from "./progress.js";

describe("ProgressTracker", () => {
  it("counts a retried part once, never goes backwards and ends at exactly total", () => {
    const events: UploadProgress[] = [];
    const tracker = new ProgressTracker(250, (p) => events.push(p));
    tracker.update(1, 60, 100); // first try of part 1 reaches 60
    tracker.update(2, 30, 150);
    tracker.update(1, 10, 100); // part 1 retried: its new try restarts from 0
    tracker.update(1, 50, 100);
    tracker.update(1, 80, 100); // the retry passes the old high-water mark
    tracker.complete(1, 100);
    tracker.update(2, 500, 150); // a transport over-reporting is clamped to the part
    tracker.complete(2, 150);
    expect(events.map((e) => e.loaded)).toEqual([60, 90, 110, 130, 250]);
    expect(events.at(-1)).toMatchObject({ loaded: 250, total: 250, part: { number: 2, loaded: 150, total: 150 } });
  });

  it("starts from restored parts without an event and reports an empty part once", () => {
    const events: UploadProgress[] = [];
    const tracker = new ProgressTracker(100, (p) => events.push(p));
    tracker.restore(1, 64);
    tracker.update(2, 10, 36);
    expect(events).toEqual([{ loaded: 74, total: 100, part: { number: 2, loaded: 10, total: 36 } }]);
    const empty: UploadProgress[] = [];
    new ProgressTracker(0, (p) => empty.push(p)).complete(1, 0);
    expect(empty).toEqual([{ loaded: 0, total: 0, part: { number: 1, loaded: 0, total: 0 } }]);
  });
});
