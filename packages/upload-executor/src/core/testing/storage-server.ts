// Test-only loopback storage: stores PUT bodies and form uploads, checks Content-Length, and injects faults.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

export type Fault =
  | { kind: "reset"; afterBytes: number }
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> }
  | { kind: "stall" }
  | { kind: "hold" }
  /** Reads the whole body, then answers only after `ms` (a server busy verifying a part). */
  | { kind: "slowAnswer"; ms: number };

export interface StoredForm {
  fields: Array<[string, string]>;
  file: { field: string; fileName: string; contentType: string; bytes: Buffer };
  /** Field names in the order they arrived, the file included. */
  order: string[];
}

export const expiredXml =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message><RequestId>req-expired-1</RequestId></Error>';

export class StorageServer {
  readonly objects = new Map<string, Buffer>();
  readonly forms = new Map<string, StoredForm>();
  readonly requests = new Map<string, number>();
  readonly faults = new Map<string, Fault[]>();
  /** Method and headers of the last request to each path. */
  readonly received = new Map<string, { method: string; headers: IncomingMessage["headers"] }>();
  /** Full URLs (with query) of every request, in arrival order. */
  readonly seen: string[] = [];
  /** Paths of requests whose connection closed before their body ended (client hung up, or a reset fault). */
  readonly closedEarly: string[] = [];
  onClosedEarly: ((path: string) => void) | undefined;
  /** Called with the path when a "hold" request (never answered) has received its first bytes. */
  onHold: ((path: string) => void) | undefined;
  /** Most requests in flight at once. */
  peakActive = 0;
  private active = 0;
  url = "";
  private readonly server = createServer((req, res) => this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  fail(path: string, ...faults: Fault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.url);
    const path = url.pathname;
    this.seen.push(url.pathname + url.search);
    this.received.set(path, { method: req.method ?? "", headers: req.headers });
    this.requests.set(path, (this.requests.get(path) ?? 0) + 1);
    this.peakActive = Math.max(this.peakActive, ++this.active);
    const fault = this.faults.get(path)?.shift();
    let received = 0;
    let complete = false;
    req.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (fault?.kind === "reset" && received >= fault.afterBytes) req.socket.destroy();
      // A held request keeps reading (and discarding) so that it notices the client hanging up.
      if (fault?.kind === "hold" && received === chunk.byteLength) this.onHold?.(path);
    });
    req.on("end", () => (complete = true));
    // The response, not a paused request, reliably reports the connection closing.
    res.once("close", () => {
      this.active--;
      if (!complete) {
        this.closedEarly.push(path);
        this.onClosedEarly?.(path);
      }
    });
    if (fault?.kind === "stall") return void req.pause();
    if (fault?.kind === "status") {
      req.resume();
      req.on("end", () => {
        res.writeHead(fault.status, { "content-type": "application/xml", ...fault.headers });
        res.end(fault.body ?? "");
      });
      return;
    }
    if (fault && fault.kind !== "slowAnswer") return; // reset and hold never answer
    const delay = fault?.kind === "slowAnswer" ? fault.ms : 0;
    if (req.headers["transfer-encoding"]) return void reply(res, 411, "chunked bodies are refused: send Content-Length");
    const declared = Number(req.headers["content-length"]);
    if ((req.headers["content-type"] ?? "").startsWith("multipart/form-data")) return this.storeForm(req, res, path, declared);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (body.byteLength !== declared) return reply(res, 400, `Content-Length ${declared} but ${body.byteLength} bytes arrived`);
      this.objects.set(path, body);
      setTimeout(() => {
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        res.end();
      }, delay).unref();
    });
  }

  private storeForm(req: IncomingMessage, res: ServerResponse, path: string, declared: number): void {
    const form: StoredForm = { fields: [], file: { field: "", fileName: "", contentType: "", bytes: Buffer.alloc(0) }, order: [] };
    let length = 0;
    req.on("data", (chunk: Buffer) => (length += chunk.byteLength));
    const parser = busboy({ headers: req.headers });
    parser.on("field", (name, value) => {
      form.fields.push([name, value]);
      form.order.push(name);
    });
    parser.on("file", (field, stream, info) => {
      form.order.push(field);
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => (form.file = { field, fileName: info.filename ?? "", contentType: info.mimeType, bytes: Buffer.concat(chunks) }));
    });
    parser.on("error", (error: Error) => reply(res, 400, `malformed form: ${error.message}`));
    parser.on("close", () => {
      if (length !== declared) return reply(res, 400, `Content-Length ${declared} but ${length} bytes arrived`);
      this.forms.set(path, form);
      res.writeHead(204);
      res.end();
    });
    req.pipe(parser);
  }
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<Error><Code>TestServerRejected</Code><Message>${message}</Message></Error>`);
}

/** Deterministic pseudo-random bytes (xorshift), so tests generate data instead of storing it. */
export function testBytes(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}
