import { NetworkError, parseUploadUrl, StorageRedirectError } from "../errors.js";
import type { HttpTransport, RequestBody, TransportResponse } from "./types.js";

/** Blob slices are sent without copying; other sources are read into memory one part at a time. */
async function blobOf(source: { blob?(start: number, end: number): Blob; read(start: number, end: number): Promise<Uint8Array> }, start: number, end: number): Promise<Blob> {
  if (source.blob) return source.blob(start, end);
  const bytes = await source.read(start, end);
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

async function xhrBody(body: RequestBody): Promise<Blob | FormData> {
  if (body.kind === "range") return blobOf(body.source, body.start, body.end);
  const form = new FormData();
  for (const [name, value] of body.fields) form.append(name, value);
  const { file } = body;
  const blob = await blobOf(file.source, file.start, file.end);
  form.append(file.field, new Blob([blob], { type: file.contentType }), file.fileName);
  return form;
}

function parseHeaders(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Browser transport on XMLHttpRequest: the only browser API that reports upload progress. The browser sets
 * Content-Length itself; forbidden headers (Content-Length, Host) are skipped.
 */
export function createXhrTransport(): HttpTransport {
  return {
    async send(req) {
      const body = await xhrBody(req.body);
      return new Promise<TransportResponse>((resolve, reject) => {
        if (req.signal.aborted) return reject(req.signal.reason);
        const xhr = new XMLHttpRequest();
        xhr.open(req.method, parseUploadUrl(req.url, `${req.method} request`).href);
        for (const [name, value] of Object.entries(req.headers)) {
          if (/^(content-length|host|transfer-encoding)$/i.test(name)) continue;
          if (body instanceof FormData && /^content-type$/i.test(name)) continue;
          xhr.setRequestHeader(name, value);
        }
        const total = body instanceof Blob ? body.size : 0;
        xhr.upload.onprogress = (event) => req.onUploadProgress?.(event.loaded, event.lengthComputable ? event.total : total);
        xhr.upload.onload = () => {
          const size = body instanceof Blob ? body.size : Number.MAX_SAFE_INTEGER;
          req.onUploadProgress?.(size, size);
        };
        const onAbort = () => xhr.abort();
        req.signal.addEventListener("abort", onAbort, { once: true });
        const finish = () => req.signal.removeEventListener("abort", onAbort);
        xhr.onload = () => {
          finish();
          const landed = xhr.responseURL ? new URL(xhr.responseURL).origin : undefined;
          if (landed && landed !== new URL(req.url).origin) return reject(new StorageRedirectError(`${req.method} request`, landed));
          resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), bodyText: xhr.responseText });
        };
        xhr.onerror = () => {
          finish();
          reject(new NetworkError(`${req.method} request`, new TypeError("XMLHttpRequest network error (offline, DNS, TLS or CORS)")));
        };
        xhr.onabort = () => {
          finish();
          reject(req.signal.reason);
        };
        xhr.send(body);
      });
    },
  };
}
