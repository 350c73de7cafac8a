import { DirectUploadError } from "@direct-upload/client-core";
import { UploadAbortedError } from "../errors.js";
import { resolveOptions, type EngineOptions } from "../options.js";
import { checkPartLayout, type PartLayout } from "../part-layout.js";
import type { MultipartPlan, PartRequest } from "../plan.js";
import { runPool } from "../pool.js";
import { ProgressTracker } from "../progress.js";
import { withRetries } from "../retry.js";
import { assertUnchanged, type UploadSource } from "../source.js";
import { storageErrorFrom } from "../storage-error.js";
import type { TransportResponse } from "../transport/types.js";
import { sendWatched } from "../watchdog.js";
import { verifyCheckpoint, type MultipartCheckpoint, type UploadedPart } from "./checkpoint.js";
import { MidstateCache } from "./midstate-cache.js";
import type { HashAlgorithm, HashingReport } from "./midstates.js";
import { SharedReads } from "./shared-reads.js";
import { TargetPool } from "./targets.js";

export interface MultipartOptions<Vendor> extends EngineOptions {
  /**
   * Awaited before the first part, after every part, after the digests and once more when the upload fails or is
   * aborted: a slow store slows the upload instead of losing state.
   */
  onCheckpoint?: (checkpoint: MultipartCheckpoint<Vendor>) => void | Promise<void>;
  /** A checkpoint of an earlier run over the same source and layout: only the missing parts are sent. */
  resumeFrom?: MultipartCheckpoint<Vendor>;
}

/** With `hashing` and `hasher` when this run hashed (a resume whose checkpoint had everything does not). */
export interface MultipartResult<Vendor> extends Partial<HashingReport> {
  /** Every part with its ETag, in part-number order: what the vendor's complete call needs. */
  parts: UploadedPart[];
  /** Whole-file digests (lowercase hex) when the plan asked for midstates, else empty. */
  digests: Partial<Record<HashAlgorithm, string>>;
  checkpoint: MultipartCheckpoint<Vendor>;
}

function defaultEtag(part: PartLayout, response: TransportResponse): string {
  const etag = response.headers.etag;
  if (etag) return etag;
  throw new DirectUploadError("missing_etag", `part ${part.number} was stored but the answer has no ETag header`, {
    hint: "In browsers the bucket's CORS rules must expose the ETag header (ExposeHeaders: ETag)",
  });
}

/**
 * Uploads the parts of `plan` in parallel (within the concurrency limit), each with retries, a stall watchdog and
 * lazily signed URLs; emits byte progress and a checkpoint after every part. Completing the upload is left to the
 * vendor flow, which gets every part's ETag and the whole-file digests.
 */
export async function uploadMultipart<Vendor = unknown>(
  source: UploadSource,
  plan: MultipartPlan<Vendor>,
  options: MultipartOptions<Vendor> = {},
): Promise<MultipartResult<Vendor>> {
  checkPartLayout(plan.parts, source.size, plan.midstates ? 64 : 1);
  if (options.resumeFrom) await verifyCheckpoint(options.resumeFrom, source, plan.parts);
  const opts = resolveOptions(options);
  const controller = new AbortController();
  const stopOnAbort = () => controller.abort(opts.signal.reason);
  if (opts.signal.aborted) stopOnAbort();
  opts.signal.addEventListener("abort", stopOnAbort, { once: true });

  const checkpoint: MultipartCheckpoint<Vendor> = {
    version: 1,
    kind: "multipart",
    fingerprint: await source.fingerprint(),
    size: source.size,
    parts: plan.parts.map(({ number, offset, size }) => ({ number, offset, size })),
    done: [...(options.resumeFrom?.done ?? [])],
    midstates: { ...options.resumeFrom?.midstates },
    ...(options.resumeFrom?.digests ? { digests: options.resumeFrom.digests } : {}),
    ...(plan.vendor === undefined ? {} : { vendor: plan.vendor }),
  };
  const doneNumbers = new Set(checkpoint.done.map((part) => part.number));
  const todo = plan.parts.filter((part) => !doneNumbers.has(part.number));
  const progress = new ProgressTracker(source.size, opts.onProgress);
  for (const part of checkpoint.done) progress.restore(part.number, part.size);
  // The pass's reads, kept for the parts in flight: about one chunk per part plus the one being read and hashed. A
  // custom provider may read ahead of what it hashed, so it reads the source itself, as the parts do without a pass.
  const reads = plan.midstates && !plan.midstates.provider ? new SharedReads(source, todo, opts.limit.size + 2) : undefined;
  const midstates = new MidstateCache(reads?.pass ?? source, plan, checkpoint, controller.signal, todo, options.onWarning);
  const targets = new TargetPool(plan, opts.limit.size, controller.signal);
  const expected = plan.expectedStatus ?? [200];

  let saving = Promise.resolve();
  const save = () => {
    if (!options.onCheckpoint) return saving;
    const snapshot = JSON.parse(JSON.stringify(checkpoint)) as MultipartCheckpoint<Vendor>;
    saving = saving.then(() => options.onCheckpoint?.(snapshot));
    return saving;
  };

  // Parts the pool has not taken yet, with their midstates when known: signed together with the next part's URL.
  let taken = 0;
  const upcoming = (): PartRequest[] =>
    todo
      .slice(taken)
      .map((p) => midstates.peek(p))
      .filter((p): p is PartRequest => p !== undefined);

  const uploadPart = async (layout: PartLayout) => {
    const part = await midstates.request(layout);
    const operation = `part ${part.number} upload`;
    let tries = 0;
    const etag = await withRetries(
      () =>
        opts.limit.run(async () => {
          // A retry re-reads (part of) the part from the source: it must still be the content that was hashed.
          if (tries++ > 0) await assertUnchanged(source, checkpoint.fingerprint);
          const target = await targets.get(part, upcoming);
          const response = await sendWatched(
            opts.transport,
            {
              method: target.method ?? "PUT",
              url: target.url,
              headers: target.headers ?? {},
              body: { kind: "range", source: reads?.parts ?? source, start: part.offset, end: part.offset + part.size },
            },
            operation,
            { ...opts, signal: controller.signal, onProgress: (loaded) => progress.update(part.number, loaded, part.size) },
          );
          if (!expected.includes(response.status)) throw storageErrorFrom(operation, target.url, response);
          return (plan.completePart ?? defaultEtag)(layout, response);
        }, controller.signal),
      { retry: opts.retry, clock: opts.clock, signal: controller.signal, limit: opts.limit, renew: () => targets.renew(part) },
    );
    targets.release(part.number);
    reads?.stored(layout);
    progress.complete(part.number, part.size);
    checkpoint.done.push({ number: part.number, offset: part.offset, size: part.size, etag });
    checkpoint.done.sort((a, b) => a.number - b.number);
    await save();
  };

  try {
    await save();
    await runPool(
      todo,
      opts.limit.size,
      async (layout, index) => {
        taken = index + 1;
        await uploadPart(layout).catch((error: unknown) => {
          // First failure stops the others: their sockets are destroyed and their timers cleared.
          controller.abort(error);
          throw error;
        });
      },
      controller.signal,
    ).catch(() => undefined); // a failed part has aborted the controller: checked below
    if (opts.signal.aborted) throw new UploadAbortedError(opts.signal.reason);
    // The error that stopped the upload, not the abort echoes it caused in the other parts.
    if (controller.signal.aborted) throw controller.signal.reason;
    const digests = await midstates.digests();
    await assertUnchanged(source, checkpoint.fingerprint);
    if (digests) checkpoint.digests = digests;
    await save();
    const report = await midstates.report();
    return { parts: [...checkpoint.done], digests: digests ?? {}, ...report, checkpoint: JSON.parse(JSON.stringify(checkpoint)) };
  } catch (error) {
    midstates.cancel();
    reads?.clear();
    // The last state (with every midstate computed so far) lets the caller resume; a failing store must not hide the cause.
    await save().catch(() => undefined);
    if (UploadAbortedError.is(error) || opts.signal.aborted) {
      const aborted = UploadAbortedError.is(error) ? error : new UploadAbortedError(opts.signal.reason);
      await plan.onAbort?.(JSON.parse(JSON.stringify(checkpoint))).catch(() => undefined);
      throw aborted;
    }
    throw error;
  } finally {
    opts.signal.removeEventListener("abort", stopOnAbort);
  }
}
