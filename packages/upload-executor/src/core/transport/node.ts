import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { NetworkError, parseUploadUrl } from "../errors.js";
import { formEnvelope } from "./form-envelope.js";
import type { HttpTransport, TransportRequest, TransportResponse } from "./types.js";

export interface NodeTransportOptions {
  /** Agents for connection reuse or proxies; Node's global keep-alive agents by default. */
  httpAgent?: Agent;
  httpsAgent?: Agent;
  /** Bytes read from the source per write (default 1 MiB): bounds memory to about concurrency × chunk. */
  chunkSize?: number;
  /** Largest response body kept for error parsing (default 1 MiB). */
  maxResponseBytes?: number;
}

type Piece = Uint8Array | { start: number; end: number };

const SPARE_BUFFERS = 4;

/**
 * node:http(s) transport. Sends the exact Content-Length (signed by some vendors, so never chunked), streams the
 * range from the source with backpressure and reports bytes once the socket has taken them.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): HttpTransport {
  const chunkSize = options.chunkSize ?? 1024 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  // Read buffers of requests that ended well, for the next ones: a fresh buffer per request would pile up as
  // garbage between collections (tens of MiB of RSS over a multipart upload).
  const spare: Uint8Array[] = [];

  return {
    send(req) {
      const { headers, pieces, length } = frame(req);
      const source = req.body.kind === "range" ? req.body.source : req.body.file.source;
      return new Promise<TransportResponse>((resolve, reject) => {
        if (req.signal.aborted) return reject(req.signal.reason);
        const url = parseUploadUrl(req.url, `${req.method} request`);
        const secure = url.protocol === "https:";
        const agent = secure ? options.httpsAgent : options.httpAgent;
        const client: ClientRequest = (secure ? httpsRequest : httpRequest)(url, {
          method: req.method,
          headers: { ...headers, "content-length": String(length) },
          ...(agent ? { agent } : {}),
        });
        let settled = false;
        let bodyDone = false;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          req.signal.removeEventListener("abort", onAbort);
          client.destroy();
          reject(error);
        };
        const onAbort = () => fail(req.signal.reason);
        req.signal.addEventListener("abort", onAbort, { once: true });
        client.on("error", (error) => fail(req.signal.aborted ? req.signal.reason : new NetworkError(`${req.method} request`, error)));
        client.on("response", (res: IncomingMessage) => {
          readText(res, maxResponseBytes).then(
            (bodyText) => {
              if (settled) return;
              settled = true;
              req.signal.removeEventListener("abort", onAbort);
              // An early answer (e.g. 403 before the body was sent) leaves the connection mid-body: never reuse it.
              if (!bodyDone) client.destroy();
              // Only a body sent to its end leaves no write of the buffer pending; at most a few are kept.
              else if (reused?.byteLength === chunkSize && spare.length < SPARE_BUFFERS) spare.push(reused);
              resolve({ status: res.statusCode ?? 0, headers: lowerHeaders(res.rawHeaders), bodyText });
            },
            (error: unknown) => fail(req.signal.aborted ? req.signal.reason : new NetworkError(`${req.method} response`, error)),
          );
        });

        let sent = 0;
        const report = (bytes: number) => {
          sent += bytes;
          if (!settled) req.onUploadProgress?.(sent, length);
        };
        // A source with readInto is read into one buffer per request, reused once the socket took each chunk.
        let reused: Uint8Array | undefined;
        const read = async (start: number, end: number) => {
          if (!source.readInto) return source.read(start, end);
          reused ??= (length >= chunkSize && spare.pop()) || new Uint8Array(Math.min(chunkSize, length));
          await source.readInto(start, end, reused);
          return reused.subarray(0, end - start);
        };
        (async () => {
          for (const piece of pieces) {
            for (let pos = 0; ; ) {
              const chunk = piece instanceof Uint8Array ? piece : await read(piece.start + pos, Math.min(piece.start + pos + chunkSize, piece.end));
              if (settled) return;
              // The next read waits until the socket took this chunk: a multipart upload then reuses its buffer.
              if (chunk.byteLength > 0) await written(client, chunk, () => report(chunk.byteLength));
              pos += chunk.byteLength;
              if (piece instanceof Uint8Array || piece.start + pos >= piece.end) break;
            }
          }
          bodyDone = true;
          client.end();
        })().catch(fail);
      });
    },
  };
}

function frame(req: TransportRequest): { headers: Record<string, string>; pieces: Piece[]; length: number } {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !/^(content-length|transfer-encoding)$/i.test(name)));
  if (req.body.kind === "range") {
    return { headers, pieces: [{ start: req.body.start, end: req.body.end }], length: req.body.end - req.body.start };
  }
  const envelope = formEnvelope(req.body);
  for (const name of Object.keys(headers)) if (/^content-type$/i.test(name)) delete headers[name];
  headers["content-type"] = envelope.contentType;
  const { start, end } = req.body.file;
  return { headers, pieces: [envelope.prefix, { start, end }, envelope.suffix], length: envelope.length };
}

function written(client: ClientRequest, chunk: Uint8Array, onWritten: () => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      client.off("close", done);
      resolve();
    };
    client.on("close", done);
    client.write(chunk, (error) => {
      if (!error) onWritten();
      done();
    });
  });
}

async function readText(res: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    if (size < limit) chunks.push(chunk.subarray(0, limit - size));
    size += chunk.byteLength;
  }
  return Buffer.concat(chunks).toString("utf8");
}

function lowerHeaders(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    headers[name] = headers[name] === undefined ? raw[i + 1]! : `${headers[name]}, ${raw[i + 1]!}`;
  }
  return headers;
}
