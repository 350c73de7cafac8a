import { problem } from "../../problem.js";
import type { JsonApi } from "../../server/json-api-route.js";
import { sendPdsError } from "./errors.js";
import type { PdsState } from "./uploads.js";

/** The PDS JSON API: bearer token, `{code, message}` errors, object bodies only, and every call names this sandbox's drive. */
export function pdsApi(state: PdsState): JsonApi<undefined> {
  return {
    ctx: state.ctx,
    authenticate: (req) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      return token === state.token ? undefined : problem(401, "AccessTokenInvalid", "AccessToken is invalid. Refresh the access token and retry.");
    },
    sendError: sendPdsError,
    notJson: (reason) => problem(400, "InvalidRequestJSONFormat", reason),
    checkBody: (body) => (typeof body === "object" && body !== null ? undefined : problem(400, "InvalidRequestJSONFormat", "the body must be a JSON object")),
    invalid: (problems) => problem(400, "InvalidParameter", problems.join("; ")),
    checkScope: (body) => {
      const driveId = (body as { drive_id?: unknown }).drive_id;
      if (driveId === undefined) return problem(400, "InvalidParameterMissing.DriveId", "drive_id is required (share links are not modelled)");
      if (driveId !== state.driveId) return problem(404, "NotFound.Drive", "The resource drive cannot be found. Please check.");
      return undefined;
    },
  };
}
