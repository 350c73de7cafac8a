import { describe, expect, it } from "vitest";
import { fullJitterDelay, parseRetryAfter } from "./backoff.js";
import { defaultRetryOptions, retryDelay } from "./retry.js";
import { StorageError } from "./storage-error.js";

const opts = { baseDelayMs: 100, maxDelayMs: 20_000 };

describe("fullJitterDelay", () => {
  it("spans [0, base × 2^n) and is capped", () => {
    expect(fullJitterDelay(0, opts, () => 0)).toBe(0);
    expect(fullJitterDelay(0, opts, () => 0.999_999)).toBe(99);
    expect(fullJitterDelay(3, opts, () => 0.5)).toBe(400);
    expect(fullJitterDelay(30, opts, () => 0.999_999)).toBe(19_999);
    expect(fullJitterDelay(30, opts, () => 0.5)).toBe(10_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-22T08:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sun, 22 Nov 2026 08:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 07:59:00 GMT", now)).toBe(0);
  });
  it("ignores missing or garbage values", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  const clock = { random: () => 0.5, now: () => 0 };
  const throttled = (status: number, retryAfter?: string) => {
    const error = new StorageError({ operation: "PUT", url: "http://s/x", status, storageCode: "SlowDown", storageMessage: "", requestId: undefined });
    error.retryAfter = retryAfter;
    return error;
  };
  it("waits at least Retry-After on 429 and 503, up to maxRetryAfterMs", () => {
    expect(retryDelay(throttled(429, "2"), 0, defaultRetryOptions, clock)).toBe(2000);
    expect(retryDelay(throttled(503, "1"), 0, defaultRetryOptions, clock)).toBe(1000);
    expect(retryDelay(throttled(503, "3600"), 0, defaultRetryOptions, clock)).toBe(60_000);
  });
  it("keeps the jitter when it is longer or when the status carries no hint", () => {
    expect(retryDelay(throttled(429, "0"), 4, defaultRetryOptions, clock)).toBe(800);
    expect(retryDelay(throttled(500, "9"), 0, defaultRetryOptions, clock)).toBe(50);
  });
});
