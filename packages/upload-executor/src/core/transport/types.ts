import type { UploadSource } from "../source.js";

/** Bytes [start, end) of a source, sent as the raw request body with an exact Content-Length. */
export interface RangeBody {
  kind: "range";
  source: UploadSource;
  start: number;
  end: number;
}

/** A multipart/form-data body: text fields in order, then the file part last (storage policies require it). */
export interface FormBody {
  kind: "form";
  fields: ReadonlyArray<readonly [name: string, value: string]>;
  file: { field: string; fileName: string; contentType: string; source: UploadSource; start: number; end: number };
}

export type RequestBody = RangeBody | FormBody;

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: RequestBody;
  /** Aborting destroys the connection; the promise then rejects with `signal.reason`. */
  signal: AbortSignal;
  /** Body bytes handed to the network so far, out of the whole body (form overhead included). */
  onUploadProgress?: (loaded: number, total: number) => void;
}

export interface TransportResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  bodyText: string;
}

/**
 * One HTTP request with upload progress. Implementations: `createXhrTransport()` (browsers, universal entry) and
 * `createNodeTransport()` (node:http, from the `/node` entry). A network failure rejects with `NetworkError`.
 */
export interface HttpTransport {
  send(request: TransportRequest): Promise<TransportResponse>;
}
