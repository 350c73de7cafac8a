import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { problem, type Problem } from "../../problem.js";
import type { JsonApi } from "../../server/json-api-route.js";
import type { SandboxContext } from "../../types.js";

/** The gateway's call-level error body `{code, message, requestId}` with an X-Request-Id header. */
function sendGatewayError(res: ServerResponse, { status, code, message }: Problem): void {
  const requestId = randomUUID();
  res.writeHead(status, { "Content-Type": "application/json", "X-Request-Id": requestId }).end(JSON.stringify({ code, message, requestId }));
}

export function sendItems(res: ServerResponse, items: unknown[]): void {
  res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": randomUUID() }).end(JSON.stringify(items));
}

/** Bearer check: no header is MISSING_CREDENTIALS, a non-Bearer value INVALID_ACCESS_TOKEN, an unknown token INVALID_CREDENTIALS. */
function bearerProblem(req: IncomingMessage, token: string): Problem | undefined {
  const header = req.headers["authorization"];
  if (!header) return problem(401, "MISSING_CREDENTIALS", "credentials not found");
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match) return problem(401, "INVALID_ACCESS_TOKEN", "the Authorization header must be `Bearer <access token>`");
  if (match[1] !== token) return problem(401, "INVALID_CREDENTIALS", "the access token failed verification");
  return undefined;
}

/** The storage HTTP API behind the gateway: one bearer token; a body error is BAD_REQUEST unless only some items are bad. */
export function cloudbaseApi(ctx: SandboxContext, token: string): JsonApi<undefined> {
  return {
    ctx,
    authenticate: (req) => bearerProblem(req, token),
    sendError: sendGatewayError,
    notJson: (reason) => problem(400, "BAD_REQUEST", reason),
    invalid: (problems, body) => (Array.isArray(body) && badItemIndices(problems) ? undefined : problem(400, "BAD_REQUEST", `The request body is invalid: ${problems.join("; ")}`)),
  };
}

export const INVALID_PARAM = { code: "INVALID_PARAM", message: "Invalid request param." } as const;
export const OBJECT_NOT_EXIST = { code: "OBJECT_NOT_EXIST", message: "Storage object not exists." } as const;
export const OBJECT_ALREADY_EXIST = { code: "OBJECT_ALREADY_EXIST", message: "The object already exists and the specified operation cannot be performed." } as const;

/**
 * Splits spec-validation problems ("/2/objectId must ...") into the indices of bad items; a problem about the
 * whole body (not an array) returns undefined, which is answered with BAD_REQUEST.
 */
export function badItemIndices(problems: string[]): Set<number> | undefined {
  const indices = new Set<number>();
  for (const line of problems) {
    const match = /^\/(\d+)(\/|\s)/.exec(line);
    if (!match) return undefined;
    indices.add(Number(match[1]));
  }
  return indices;
}
