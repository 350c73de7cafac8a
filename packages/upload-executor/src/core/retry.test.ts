import { describe, expect, it } from "vitest";
import { systemClock } from "./backoff.js";
import { UploadAbortedError } from "./errors.js";
import { defaultRetryOptions, withRetries } from "./retry.js";
import { StorageError } from "./storage-error.js";
import { instantClock } from "../../test/helpers/instant-clock.js";

const failure = (status: number, storageCode = `HTTP_${status}`, storageMessage = "") =>
  new StorageError({ operation: "PUT", url: "http://storage.test/k", status, storageCode, storageMessage, requestId: undefined });

describe("withRetries", () => {
  it("retries transient failures with growing full-jitter delays, then succeeds", async () => {
    const clock = instantClock(() => 0.999);
    let calls = 0;
    const result = await withRetries(async () => (++calls < 4 ? Promise.reject(failure(503)) : "ok"), {
      retry: defaultRetryOptions,
      clock,
      signal: new AbortController().signal,
    });
    expect(result).toBe("ok");
    expect(clock.delays).toEqual([99, 199, 399]);
  });

  it("does not retry a fatal error", async () => {
    let calls = 0;
    const error = failure(403, "SignatureDoesNotMatch");
    await expect(
      withRetries(async () => Promise.reject((calls++, error)), { retry: defaultRetryOptions, clock: instantClock(), signal: new AbortController().signal }),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it("treats an expiry as fatal when there is no way to renew", async () => {
    const error = failure(403, "AccessDenied", "Request has expired");
    await expect(withRetries(async () => Promise.reject(error), { retry: defaultRetryOptions, clock: instantClock(), signal: new AbortController().signal })).rejects.toBe(error);
  });

  it("stops waiting for a backoff as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const run = withRetries(
      async () => {
        queueMicrotask(() => controller.abort(new Error("user")));
        throw failure(500);
      },
      { retry: { ...defaultRetryOptions, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 }, clock: { ...systemClock, random: () => 0.99 }, signal: controller.signal },
    );
    await expect(run).rejects.toBeInstanceOf(UploadAbortedError);
  });
});
