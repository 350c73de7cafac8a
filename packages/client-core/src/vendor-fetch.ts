/** Defaults of every control-plane request; connecting counts toward the wait for the headers. */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_REPLY_BYTES = 1024 * 1024;

/** No answer, or no body bytes, for the allowed time: the cause of a retryable TransportError. */
class ReplyTimeout extends Error {
  override readonly name = "ReplyTimeout";
}

/** A body over the cap; errorMiddleware turns it into an InvalidReplyError. */
export class ReplyTooLarge extends Error {
  override readonly name = "ReplyTooLarge";
  constructor(readonly limit: number) {
    super(`the reply is over ${limit} bytes`);
  }
}

export interface VendorFetchOptions {
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Time allowed for the response headers and between body bytes (a call's own `timeoutMs` wins). */
  timeoutMs?: number | undefined;
  maxReplyBytes?: number | undefined;
}

/**
 * The fetch every client sends with: redirects are never followed (errorMiddleware refuses them), the headers and
 * each body chunk must come within the timeout, and the body is read here, up to the cap, so nothing later can hang
 * on it or buffer more. Every listener and timer is gone when it settles. It sends with `globalThis.fetch` unless given
 * one; the package's Node entry (src/node.ts) gives nodeHttpFetch.
 */
export function vendorFetch(options: VendorFetchOptions = {}): (request: Request) => Promise<Response> {
  const maxBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
  return async (request) => {
    const send = options.fetch ?? globalThis.fetch;
    // openapi-fetch copies unknown call options (CallOptions.timeoutMs) onto the Request.
    const timeoutMs = (request as Request & { timeoutMs?: number }).timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const parent = request.signal;
    const onAbort = () => controller.abort(parent.reason);
    if (parent.aborted) onAbort();
    parent.addEventListener("abort", onAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new ReplyTimeout(`${what} within ${timeoutMs} ms`)), timeoutMs);
    };
    // Settles on abort even when the fetch underneath does not (seen with Node's fetch aborted while it connects).
    let stopped: (reason: unknown) => void = () => undefined;
    const stop = new Promise<never>((_, reject) => (stopped = reject));
    stop.catch(() => undefined);
    const onStop = () => stopped(controller.signal.reason);
    controller.signal.addEventListener("abort", onStop, { once: true });
    const settle = <T>(pending: Promise<T>): Promise<T> => {
      pending.catch(() => undefined);
      return Promise.race([pending, stop]);
    };
    try {
      arm("no response headers");
      const response = await settle(send(new Request(request, { redirect: "manual", signal: controller.signal })));
      if (isRedirect(response)) {
        await response.body?.cancel();
        return response;
      }
      const declared = Number(response.headers.get("content-length") ?? 0);
      if (declared > maxBytes) {
        // Unread, the body would keep its connection open.
        await response.body?.cancel();
        throw new ReplyTooLarge(maxBytes);
      }
      arm("no body bytes");
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      for (let next = reader && (await settle(reader.read())); next && !next.done; next = await settle(reader!.read())) {
        size += next.value.byteLength;
        if (size > maxBytes) {
          await reader!.cancel();
          throw new ReplyTooLarge(maxBytes);
        }
        chunks.push(next.value);
        arm("no body bytes");
      }
      const empty = response.status === 204 || response.status === 205 || response.status === 304 || response.status < 200;
      return new Response(empty ? null : new Blob(chunks as BlobPart[]), { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(timer);
      parent.removeEventListener("abort", onAbort);
      controller.signal.removeEventListener("abort", onStop);
    }
  };
}

/** A 3xx, or the browser's opaque answer to a redirect it was told not to follow. */
export function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
}
