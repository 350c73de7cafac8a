import { BadJsonBodyError } from "../../errors.js";
import { readJsonBody } from "../../server/json-body.js";
import type { Route, RouteRequest } from "../../types.js";
import { koodriveAuthProblem } from "./auth.js";
import { KOODRIVE_ERRORS, sendKoodriveError, sendKoodriveFault } from "./errors.js";
import type { KoodriveState } from "./uploads.js";

/**
 * A KooDrive JSON API route: authenticates the headers, parses the body and validates it against the spec's
 * operation before `handle` sees it, answering `{code, msg}` errors on the way.
 */
export function koodriveApiRoute<T>(
  state: KoodriveState,
  spec: { path: string; key: string; operationId: string },
  handle: (body: T, request: RouteRequest) => Promise<void> | void,
): Route {
  return {
    method: "POST",
    path: spec.path,
    key: spec.key,
    sendError: sendKoodriveFault,
    async handle(request) {
      const authProblem = koodriveAuthProblem(request.req.headers, state, state.ctx.now());
      if (authProblem) return sendKoodriveError(request.res, KOODRIVE_ERRORS.UNAUTHORIZED, authProblem);
      let body: unknown;
      try {
        body = await readJsonBody(request.req);
      } catch (error) {
        if (error instanceof BadJsonBodyError) return sendKoodriveError(request.res, KOODRIVE_ERRORS.BAD_REQUEST, error.message);
        throw error;
      }
      const problems = state.ctx.validateRequest("koodrive", spec.operationId, body);
      if (problems.length) return sendKoodriveError(request.res, KOODRIVE_ERRORS.PARAMETER_INVALID, problems.join("; "));
      await handle(body as T, request);
    },
  };
}
