// Test-only loopback storage: stores PUT bodies and form uploads, checks Content-Length, and injects the sandbox's
// faults (FaultSpec) per path.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaultSpec } from "@direct-upload/sandbox";
import busboy from "busboy";

/**
 * The sandbox's fault kinds but "delay", which no test here needs. With no URL issuer here, "expire-urls" armed on a
 * path answers that path's next requests as an expired signed URL.
 */
export type StorageFault = Exclude<FaultSpec, { kind: "delay" }>;

export interface StoredForm {
  fields: Array<[string, string]>;
  file: { field: string; fileName: string; contentType: string; bytes: Buffer };
  /** Field names in the order they arrived, the file included. */
  order: string[];
}

const EXPIRED = { Code: "AccessDenied", Message: "Request has expired", RequestId: "req-expired-1" };

export class StorageServer {
  readonly objects = new Map<string, Buffer>();
  readonly forms = new Map<string, StoredForm>();
  readonly requests = new Map<string, number>();
  /** Armed faults per path, one entry per request they apply to. */
  readonly faults = new Map<string, StorageFault[]>();
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

  /** Arms faults on a path, applied in order, each to its `times` requests (default 1). */
  arm(path: string, ...faults: StorageFault[]): void {
    const armed = this.faults.get(path) ?? [];
    for (const fault of faults) armed.push(...Array.from({ length: fault.times ?? 1 }, () => fault));
    this.faults.set(path, armed);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.url);
    const path = url.pathname;
    this.seen.push(url.pathname + url.search);
    this.received.set(path, { method: req.method ?? "", headers: req.headers });
    this.requests.set(path, (this.requests.get(path) ?? 0) + 1);
    this.peakActive = Math.max(this.peakActive, ++this.active);
    const fault = this.faults.get(path)?.shift();
    const stallAt = fault?.kind === "stall" ? (fault.afterBytes ?? 0) : Infinity;
    let received = 0;
    let complete = false;
    req.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (fault?.kind === "reset" && received >= fault.afterBytes) req.socket.destroy();
      if (received >= stallAt) req.pause();
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
    if (stallAt === 0) return void req.pause();
    if (fault?.kind === "fail" || fault?.kind === "expire-urls") {
      req.resume();
      req.on("end", () => {
        if (fault.kind === "expire-urls") return sendError(res, 403, EXPIRED);
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
        sendError(res, fault.status, { Code: fault.code ?? "ServiceUnavailable", Message: fault.message ?? "Injected fault; retry later" }, headers);
      });
      return;
    }
    if (fault?.kind === "reset" || fault?.kind === "stall" || fault?.kind === "hold") return; // never answered
    const delay = fault?.kind === "slow-answer" ? fault.ms : 0;
    if (req.headers["transfer-encoding"]) {
      rejected(res, 411, "chunked bodies are refused: send Content-Length");
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if ((req.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
      this.storeForm(req, res, path, declared);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (body.byteLength !== declared) return rejected(res, 400, `Content-Length ${declared} but ${body.byteLength} bytes arrived`);
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
    parser.on("error", (error: Error) => rejected(res, 400, `malformed form: ${error.message}`));
    parser.on("close", () => {
      if (length !== declared) return rejected(res, 400, `Content-Length ${declared} but ${length} bytes arrived`);
      this.forms.set(path, form);
      res.writeHead(204);
      res.end();
    });
    req.pipe(parser);
  }
}

/** An S3-style XML error document. */
function sendError(res: ServerResponse, status: number, fields: Record<string, string>, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/xml", ...headers });
  res.end(
    `<Error>${Object.entries(fields)
      .map(([name, value]) => `<${name}>${value}</${name}>`)
      .join("")}</Error>`,
  );
}

function rejected(res: ServerResponse, status: number, message: string): void {
  sendError(res, status, { Code: "TestServerRejected", Message: message });
}
