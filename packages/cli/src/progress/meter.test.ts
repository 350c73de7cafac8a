import { describe, expect, it } from "vitest";
import { Meter } from "./meter.js";

describe("Meter", () => {
  it("reports the rate over its window and the time left at that rate", () => {
    let now = 0;
    const meter = new Meter(100 * 1024, { now: () => now, windowMs: 2000 });
    now = 1000;
    meter.update(10 * 1024);
    now = 2000;
    meter.update(20 * 1024);
    expect(meter.rate()).toBe(10 * 1024);
    expect(meter.eta()).toBe(8);
    // Old samples leave the window: a faster second half shows as a faster rate.
    now = 3000;
    meter.update(50 * 1024);
    now = 4000;
    meter.update(80 * 1024);
    expect(meter.rate()).toBe(30 * 1024);
  });

  it("does not count the bytes a resumed upload had already sent as speed", () => {
    let now = 0;
    const meter = new Meter(100, { resumed: true, now: () => now });
    now = 100;
    meter.update(60);
    now = 1100;
    meter.update(70);
    expect(meter.rate()).toBe(10);
    expect(meter.sent()).toBe(10);
  });

  it("freezes the elapsed time when the file ends", () => {
    let now = 0;
    const meter = new Meter(10, { now: () => now });
    now = 1500;
    meter.update(10);
    meter.end();
    now = 9000;
    expect(meter.elapsedSeconds()).toBe(1.5);
  });
});
