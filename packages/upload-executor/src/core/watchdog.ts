import { ResponseTimeoutError, StallError } from "./errors.js";
import type { HttpTransport, TransportRequest, TransportResponse } from "./transport/types.js";

export interface WatchdogOptions {
  /** Abort a request whose body makes no progress for this long (default 30 s). */
  stallTimeoutMs: number;
  /** Once the body is fully sent, wait this long for the answer (default 120 s): servers may verify large parts. */
  responseTimeoutMs: number;
}

export const defaultWatchdogOptions: WatchdogOptions = { stallTimeoutMs: 30_000, responseTimeoutMs: 120_000 };

/**
 * Sends one request under a no-progress watchdog. The stall timer restarts on every progress event and stops once
 * the whole body is written, so a server busy with a fully received body is never taken for a stalled upload.
 */
export async function sendWatched(
  transport: HttpTransport,
  request: Omit<TransportRequest, "signal" | "onUploadProgress">,
  operation: string,
  options: WatchdogOptions & { signal: AbortSignal; onProgress?: (loaded: number, total: number) => void },
): Promise<TransportResponse> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(options.signal.reason);
  if (options.signal.aborted) onParentAbort();
  options.signal.addEventListener("abort", onParentAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, error: () => Error) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(error()), ms);
  };
  const stall = () => new StallError(operation, options.stallTimeoutMs);
  const answer = () => new ResponseTimeoutError(operation, options.responseTimeoutMs);
  // An empty body is sent as soon as the headers are: only the response timeout applies.
  const empty = request.body.kind === "range" && request.body.end === request.body.start;
  if (empty) arm(options.responseTimeoutMs, answer);
  else arm(options.stallTimeoutMs, stall);
  let sent = -1;
  try {
    return await transport.send({
      ...request,
      signal: controller.signal,
      onUploadProgress(loaded, total) {
        if (loaded <= sent) return;
        sent = loaded;
        if (loaded >= total) arm(options.responseTimeoutMs, answer);
        else arm(options.stallTimeoutMs, stall);
        options.onProgress?.(loaded, total);
      },
    });
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener("abort", onParentAbort);
  }
}
