import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSpec } from "../types.js";
import type { FaultBook } from "./faults.js";
import type { FileObjectStore } from "../storage/object-store.js";
import { readJsonBody } from "./json-body.js";

export const ADMIN_PREFIX = "/__sandbox/";

export interface AdminDeps {
  faults: FaultBook;
  store: FileObjectStore;
  setSkew(ms: number): void;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** The test/ops control surface: objects, faults, clock skew and memory stats. Loopback peers only. */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, deps: AdminDeps): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) return send(res, 403, { error: "the sandbox admin endpoint answers loopback clients only" });
  const route = `${req.method} ${url.pathname.slice(ADMIN_PREFIX.length)}`;
  try {
    switch (route) {
      case "GET objects":
        return send(
          res,
          200,
          deps.store.list().map(({ files: _files, ...rest }) => rest),
        );
      case "GET stats": {
        const usage = process.resourceUsage();
        return send(res, 200, { hits: deps.faults.allHits(), rssBytes: process.memoryUsage().rss, maxRssBytes: usage.maxRSS * 1024 });
      }
      case "POST faults": {
        const body = (await readJsonBody(req)) as { routeKey?: unknown; spec?: unknown };
        if (typeof body.routeKey !== "string" || !body.spec || typeof body.spec !== "object") {
          return send(res, 400, { error: 'send {"routeKey": "vendor.route", "spec": {"kind": ...}}' });
        }
        deps.faults.arm(body.routeKey, body.spec as FaultSpec | FaultSpec[]);
        return send(res, 200, { armed: body.routeKey });
      }
      case "DELETE faults":
        deps.faults.clear();
        return send(res, 200, { cleared: true });
      case "POST clock": {
        const body = (await readJsonBody(req)) as { skewMs?: unknown };
        if (typeof body.skewMs !== "number" || !Number.isFinite(body.skewMs)) return send(res, 400, { error: 'send {"skewMs": <number>}' });
        deps.setSkew(body.skewMs);
        return send(res, 200, { skewMs: body.skewMs });
      }
      default:
        return send(res, 404, { error: `unknown admin route ${route}` });
    }
  } catch (error) {
    return send(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}
