import { resolveOptions, type EngineOptions } from "./options.js";
import type { FormPlan, PutPlan } from "./plan.js";
import { ProgressTracker } from "./progress.js";
import { withRetries } from "./retry.js";
import type { UploadSource } from "./source.js";
import { storageErrorFrom } from "./storage-error.js";
import type { RequestBody, TransportResponse } from "./transport/types.js";
import { sendWatched } from "./watchdog.js";

const DEFAULT_SUCCESS = [200, 201, 204];

/** The storage's answer to a successful PUT or form POST (vendor flows read ETag, Location, XML bodies...). */
export type SingleUploadResult = TransportResponse;

interface SingleRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: RequestBody;
}

async function sendOnce(
  source: UploadSource,
  operation: string,
  expected: readonly number[],
  first: SingleRequest,
  renew: (() => Promise<SingleRequest>) | undefined,
  options: EngineOptions,
): Promise<SingleUploadResult> {
  const opts = resolveOptions(options);
  const progress = new ProgressTracker(source.size, opts.onProgress);
  let request = first;
  const result = await withRetries(
    () =>
      opts.limit.run(async () => {
        const response = await sendWatched(opts.transport, request, operation, {
          ...opts,
          // Form bodies carry framing bytes: scale body progress to file bytes.
          onProgress: (loaded, total) => progress.update(1, total > 0 ? Math.floor((loaded / total) * source.size) : 0, source.size),
        });
        if (!expected.includes(response.status)) throw storageErrorFrom(operation, request.url, response);
        return response;
      }, opts.signal),
    {
      retry: opts.retry,
      clock: opts.clock,
      signal: opts.signal,
      limit: opts.limit,
      renew: renew && (async () => void (request = await renew())),
    },
  );
  progress.complete(1, source.size);
  return result;
}

/** Sends the whole source as one raw body (presigned PUT), with retries, watchdog and byte progress. */
export function uploadPut(source: UploadSource, plan: PutPlan, options: EngineOptions = {}): Promise<SingleUploadResult> {
  const method = plan.method ?? "PUT";
  const body: RequestBody = { kind: "range", source, start: 0, end: source.size };
  const build = (url: string, headers: Record<string, string> = {}): SingleRequest => ({ method, url, headers, body });
  const renew =
    plan.renew &&
    (async () => {
      const target = await plan.renew!();
      return build(target.url, target.headers);
    });
  return sendOnce(source, `${method} ${source.name}`, plan.expectedStatus ?? DEFAULT_SUCCESS, build(plan.url, plan.headers), renew, options);
}

/** Sends the source as the last field of a multipart/form-data POST (OpenIM, OSS PostObject, COS POST). */
export function uploadForm(source: UploadSource, plan: FormPlan, options: EngineOptions = {}): Promise<SingleUploadResult> {
  const build = (url: string, fields: FormPlan["fields"]): SingleRequest => ({
    method: "POST",
    url,
    headers: { ...plan.headers },
    body: {
      kind: "form",
      fields,
      file: {
        field: plan.fileField,
        fileName: plan.fileName ?? source.name,
        contentType: plan.contentType ?? source.type ?? "application/octet-stream",
        source,
        start: 0,
        end: source.size,
      },
    },
  });
  const renew =
    plan.renew &&
    (async () => {
      const next = await plan.renew!();
      return build(next.url, next.fields);
    });
  return sendOnce(source, `form POST ${source.name}`, plan.successStatus ?? DEFAULT_SUCCESS, build(plan.url, plan.fields), renew, options);
}
