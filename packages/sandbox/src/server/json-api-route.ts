import type { IncomingMessage } from "node:http";
import { BadJsonBodyError } from "../errors.js";
import { isProblem, type Problem } from "../problem.js";
import type { ErrorWriter, Route, RouteRequest, SandboxContext } from "../types.js";
import { parseJsonText, readBodyText } from "./json-body.js";

/** What a vendor's JSON API shares across its operations: its auth check, its error writer and its error codes. */
export interface JsonApi<Caller> {
  ctx: SandboxContext;
  /** Header checks: who calls, or the Problem to answer (the body is then drained unread). */
  authenticate(req: IncomingMessage): Caller | Problem;
  sendError: ErrorWriter;
  /** The Problem for a body that is not JSON. */
  notJson(reason: string): Problem;
  /** The Problem for a body the spec rejects; undefined lets the operation answer bad items one by one (CloudBase). */
  invalid(problems: string[], body: unknown): Problem | undefined;
  /** Checks of the raw body with the caller, before it is parsed (KooDrive: an app-auth signature covers its hash). */
  checkRawBody?(req: IncomingMessage, text: string, caller: Caller): Problem | undefined;
  /** Checks of every parsed body, before the operation's own and the spec's (PDS: the body must be an object). */
  checkBody?(body: unknown): Problem | undefined;
  /** Checks of every valid body, on what all calls name (PDS: the drive, or a share link and its token). */
  checkScope?(body: unknown, caller: Caller): Problem | undefined;
}

interface JsonCall<Body, Caller> extends RouteRequest {
  body: Body;
  caller: Caller;
  /** The spec's problems with the body, when `invalid` let them through. */
  problems: string[];
}

export interface JsonOperation<Body, Caller> {
  path: string;
  /** Fault-injection and hit-count key. */
  key: string;
  /** operationId in the vendor's spec, whose request body schema the body must match. */
  operationId: string;
  /** Checks answered before the spec's, where the vendor has a more specific error code. */
  precheck?(body: unknown): Problem | undefined;
  /** Largest body accepted (default readJsonBody's 1 MiB): PDS part lists of 10,000 parts need more. */
  maxBodyBytes?: number;
  /** Answers the call, or returns the Problem to answer. */
  handle(call: JsonCall<Body, Caller>): Promise<Problem | void> | Problem | void;
}

/** A POST route with a JSON body: authenticate → read the body → validate it against the spec → handle, answering Problems in the vendor's shape. */
export function jsonApiRoute<Body, Caller = undefined>(api: JsonApi<Caller>, operation: JsonOperation<Body, Caller>): Route {
  return {
    method: "POST",
    path: operation.path,
    key: operation.key,
    sendError: api.sendError,
    async handle(request) {
      const problem = await answer(api, operation, request);
      if (problem) api.sendError(request.res, problem);
    },
  };
}

async function answer<Body, Caller>(api: JsonApi<Caller>, operation: JsonOperation<Body, Caller>, request: RouteRequest): Promise<Problem | undefined> {
  const caller = api.authenticate(request.req);
  if (isProblem(caller)) {
    request.req.resume();
    return caller;
  }
  let body: unknown;
  try {
    const text = await readBodyText(request.req, operation.maxBodyBytes);
    const refused = api.checkRawBody?.(request.req, text, caller);
    if (refused) return refused;
    body = parseJsonText(text);
  } catch (error) {
    if (error instanceof BadJsonBodyError) return api.notJson(error.message);
    throw error;
  }
  const early = api.checkBody?.(body) ?? operation.precheck?.(body);
  if (early) return early;
  const problems = api.ctx.validateRequest(operation.operationId, body);
  const invalid = problems.length > 0 ? api.invalid(problems, body) : undefined;
  if (invalid) return invalid;
  return api.checkScope?.(body, caller) ?? (await operation.handle({ ...request, body: body as Body, caller, problems })) ?? undefined;
}
