import type { IncomingMessage, ServerResponse } from "node:http";

/** Headers browsers may read from sandbox responses (ETags for multipart, request ids for error reports). */
const EXPOSED = ["ETag", "Location", "Retry-After", "x-request-id", "x-cos-request-id", "x-oss-request-id", "x-oss-ec", "x-amz-request-id", "x-obs-request-id", "x-acs-request-id"];

/** Named request headers the vendors use; any `x-` header is allowed too (vendor prefixes x-cos-, x-oss-, x-amz-, x-acs-...). */
const ALLOWED = new Set([
  "authorization",
  "content-type",
  "content-md5",
  "content-disposition",
  "content-encoding",
  "cache-control",
  "expires",
  "token",
  "operationid",
  "language",
  "range",
  "if-match",
  "if-none-match",
]);

export function applyCorsHeaders(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", EXPOSED.join(", "));
}

/** Answers a preflight: 204 when every requested header is allowed, 403 otherwise (as COS/OSS do for a disallowed header). */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, methods: string[]): void {
  const requested = (req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const refused = requested.filter((h) => !ALLOWED.has(h) && !h.startsWith("x-"));
  const method = req.headers["access-control-request-method"];
  applyCorsHeaders(res);
  if (refused.length > 0 || (method !== undefined && !methods.includes(method))) {
    res.writeHead(403, { "Content-Type": "text/plain" }).end(`CORS preflight refused: ${[...refused, method].join(", ")}`);
    return;
  }
  res.writeHead(204, {
    "Access-Control-Allow-Methods": methods.join(", "),
    "Access-Control-Allow-Headers": requested.join(", "),
    "Access-Control-Max-Age": "600",
  });
  res.end();
}
