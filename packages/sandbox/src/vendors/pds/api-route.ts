import { BadJsonBodyError } from "../../errors.js";
import { readJsonBody } from "../../server/json-body.js";
import type { Route, RouteRequest } from "../../types.js";
import { sendPdsError } from "./errors.js";
import type { PdsState } from "./uploads.js";

/**
 * A PDS JSON API route: checks the bearer token, parses the body and validates it against the spec's operation
 * (after `precheck`, which can answer a more specific error first), then hands it to `handle`.
 */
export function pdsApiRoute<T>(
  state: PdsState,
  spec: { path: string; key: string; operationId: string; precheck?: (body: Record<string, unknown>) => [number, string, string] | undefined },
  handle: (body: T, request: RouteRequest) => Promise<void> | void,
): Route {
  return {
    method: "POST",
    path: spec.path,
    key: spec.key,
    sendError: sendPdsError,
    async handle(request) {
      const { res } = request;
      const token = /^Bearer (.+)$/.exec(request.req.headers.authorization ?? "")?.[1];
      if (token !== state.token) return sendPdsError(res, 401, "AccessTokenInvalid", "AccessToken is invalid. Refresh the access token and retry.");
      let body: unknown;
      try {
        body = await readJsonBody(request.req);
      } catch (error) {
        if (error instanceof BadJsonBodyError) return sendPdsError(res, 400, "InvalidRequestJSONFormat", error.message);
        throw error;
      }
      if (typeof body !== "object" || body === null) return sendPdsError(res, 400, "InvalidRequestJSONFormat", "the body must be a JSON object");
      const early = spec.precheck?.(body as Record<string, unknown>);
      if (early) return sendPdsError(res, ...early);
      const problems = state.ctx.validateRequest("pds", spec.operationId, body);
      if (problems.length) return sendPdsError(res, 400, "InvalidParameter", problems.join("; "));
      const driveId = (body as { drive_id?: unknown }).drive_id;
      if (driveId === undefined) return sendPdsError(res, 400, "InvalidParameterMissing.DriveId", "drive_id is required (share links are not modelled)");
      if (driveId !== state.driveId) return sendPdsError(res, 404, "NotFound.Drive", "The resource drive cannot be found. Please check.");
      await handle(body as T, request);
    },
  };
}
