import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { PathTraversalError } from "../errors.js";
import { problem } from "../problem.js";
import type { FaultSpec, Route } from "../types.js";
import { answerPreflight, applyCorsHeaders } from "./cors.js";
import type { FaultBook } from "./faults.js";
import { applyReplyFault } from "./reply-faults.js";

interface CompiledRoute {
  route: Route;
  segments: string[];
  wildcard: boolean;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** Matches `:name` segments and a trailing `*` (captured as params["*"], may contain slashes). */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(
    routes: Route[],
    private readonly faults: FaultBook,
    private readonly stopped: AbortSignal,
  ) {
    this.routes = routes.map((route) => {
      const wildcard = route.path.endsWith("*");
      const segments = (wildcard ? route.path.slice(0, -1) : route.path).split("/").filter(Boolean);
      return { route, segments, wildcard };
    });
  }

  match(method: string, pathname: string): Match | undefined {
    const parts = pathname.split("/").filter(Boolean);
    for (const compiled of this.routes) {
      if (compiled.route.method !== method) continue;
      const params = matchSegments(compiled, parts);
      if (params) return { route: compiled.route, params };
    }
    return undefined;
  }

  /** Returns false when no route serves this path (the caller answers 404). */
  async dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? "GET";
    if (method === "OPTIONS") {
      const methods = this.routes.filter((c) => matchSegments(c, url.pathname.split("/").filter(Boolean))).map((c) => c.route.method);
      if (methods.length === 0) return false;
      answerPreflight(req, res, [...new Set(methods)]);
      return true;
    }
    const found = this.match(method, url.pathname);
    if (!found) return false;
    const { route, params } = found;
    applyCorsHeaders(res);
    this.faults.hit(route.key);
    // Multipart part PUTs are also counted per part, so tests can tell which parts were sent more than once.
    const partNumber = url.searchParams.get("partNumber");
    if (partNumber !== null) this.faults.hit(`${route.key}#${partNumber}`);
    const fault = this.faults.takeRequestFault(route.key);
    if (fault && (await this.applyFault(fault, route, req, res))) return true;
    try {
      await route.handle({ req, res, url, params });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return true;
      }
      if (error instanceof PathTraversalError) route.sendError(res, problem(400, "InvalidObjectName", error.message));
      else route.sendError(res, problem(500, "InternalError", `sandbox handler failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    return true;
  }

  /** Applies a request fault; true when the request is fully handled by it. */
  private async applyFault(fault: Exclude<FaultSpec, { kind: "expire-urls" }>, route: Route, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case "reply":
      case "redirect":
      case "huge-reply":
        req.resume();
        return applyReplyFault(fault, res);
      case "edit-reply":
      case "cut-reply":
        return applyReplyFault(fault, res);
      case "fail":
        if (fault.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(fault.retryAfterSeconds));
        route.sendError(res, problem(fault.status, fault.code ?? "ServiceUnavailable", fault.message ?? "Injected sandbox fault; retry later"));
        req.resume();
        return true;
      case "reset":
        await readBytes(req, fault.afterBytes);
        req.socket.destroy();
        return true;
      case "stall":
        await readBytes(req, fault.afterBytes ?? 0);
        req.pause();
        return true;
      case "hold":
        req.resume();
        return true;
      case "delay":
        await sleep(fault.ms, undefined, { signal: this.stopped }).catch(() => undefined);
        return this.stopped.aborted;
      case "slow-answer": {
        // Headers and body leave with end(): holding it back holds the whole answer; stop() drops it instead.
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        res.end = ((...args: unknown[]) => {
          void sleep(fault.ms, undefined, { signal: this.stopped }).then(
            () => end(...args),
            () => res.destroy(),
          );
          return res;
        }) as ServerResponse["end"];
        return false;
      }
    }
  }
}

function matchSegments(compiled: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const { segments, wildcard } = compiled;
  if (wildcard ? parts.length < segments.length : parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i] as string;
    if (segment.startsWith(":")) params[segment.slice(1)] = safeDecode(part);
    else if (segment !== part) return undefined;
  }
  if (wildcard) params["*"] = parts.slice(segments.length).map(safeDecode).join("/");
  return params;
}

/** Decodes one path segment; a malformed escape stays as is so the handler's name check rejects it. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads (and discards) at least `count` body bytes, or the whole body if it is shorter. */
function readBytes(req: IncomingMessage, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    if (count <= 0) return resolve();
    const onData = (chunk: Buffer) => {
      seen += chunk.byteLength;
      if (seen >= count) done();
    };
    const done = () => {
      req.off("data", onData);
      resolve();
    };
    req.on("data", onData);
    req.once("end", done);
    req.once("close", done);
  });
}
