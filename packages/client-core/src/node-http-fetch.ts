import { once } from "node:events";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

/** Statuses whose answer has no body; a Response refuses one for them. */
const NO_BODY = new Set([204, 205, 304]);

/** A body dropped unread would hold its socket forever: once its Response is collected, the socket goes, as in undici. */
const unread = new FinalizationRegistry<IncomingMessage>((res) => res.destroy());

/**
 * A fetch over node:http(s) on Node's global keep-alive agents, for Node: its own fetch loads undici, some 16 MiB
 * more memory from the first call on. Never follows a redirect. A network error rejects as a TypeError with Node's
 * error as its cause ("fetch failed" before the answer, as Node's fetch says), an abort with the signal's reason.
 */
export async function nodeHttpFetch(request: Request): Promise<Response> {
  const { signal } = request;
  signal.throwIfAborted();
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  signal.throwIfAborted();
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  if (body || !/^(GET|HEAD)$/.test(request.method)) headers["content-length"] = String(body?.byteLength ?? 0);
  const failed = (message: string, cause: unknown) => (signal.aborted ? signal.reason : new TypeError(message, { cause }));
  const url = new URL(request.url);
  const client = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, { method: request.method, headers });
  let answer: IncomingMessage | undefined;
  const onAbort = () => (answer ?? client).destroy(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const done = () => signal.removeEventListener("abort", onAbort);
  // Node reports a connection lost mid-body here too, after `once` stopped listening: the body's error covers it.
  client.on("error", () => undefined);
  client.end(body);
  // `once`, not a Promise executor: listeners that outlive the call must not hold the Response (see `unread`).
  const [res] = (await once(client, "response").catch((error: unknown) => {
    done();
    throw failed("fetch failed", error);
  })) as [IncomingMessage];
  answer = res;
  res.on("close", () => (done(), unread.unregister(res)));
  const empty = request.method === "HEAD" || NO_BODY.has(res.statusCode ?? 0);
  if (empty) res.resume();
  try {
    const response = new Response(empty ? null : streamOf(res, (error) => failed("the connection closed mid-body", error)), {
      status: res.statusCode,
      statusText: res.statusMessage,
      headers: headersOf(res.rawHeaders),
    });
    if (!empty) unread.register(response, res, res);
    return response;
  } catch (error) {
    res.destroy();
    throw failed("fetch failed", error);
  }
}

/** The body as a web stream that reads only as fast as it is consumed; cancelling it closes the connection. */
function streamOf(res: IncomingMessage, failed: (error: unknown) => unknown): ReadableStream<Uint8Array> {
  let stop: () => void;
  return new ReadableStream({
    start(controller) {
      const onData = (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) res.pause();
      };
      const onEnd = () => controller.close();
      // Data Node had buffered still comes after a destroy: the cancelled stream must not see it.
      stop = () => void res.off("data", onData).off("end", onEnd).destroy();
      res.pause().on("data", onData).on("end", onEnd);
      res.on("error", (error) => controller.error(failed(error)));
    },
    pull() {
      res.resume();
    },
    cancel() {
      stop();
    },
  });
}

/** Every header as sent, repeated ones included (Headers joins them, and keeps each Set-Cookie apart). */
function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}
