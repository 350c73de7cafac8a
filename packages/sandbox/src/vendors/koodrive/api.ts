import type { JsonApi } from "../../server/json-api-route.js";
import { koodriveAuthProblem } from "./auth.js";
import { KOODRIVE_ERRORS, koodriveProblem, sendKoodriveError } from "./errors.js";
import type { KoodriveState } from "./uploads.js";

/** The KooDrive JSON API: token auth, `{code, msg}` errors, Bad Request for non-JSON and PARAMETER_INVALID for the spec's problems. */
export function koodriveApi(state: KoodriveState): JsonApi<undefined> {
  return {
    ctx: state.ctx,
    authenticate: (req) => koodriveAuthProblem(req.headers, state, state.ctx.now()),
    sendError: sendKoodriveError,
    notJson: (reason) => koodriveProblem(KOODRIVE_ERRORS.BAD_REQUEST, reason),
    invalid: (problems) => koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, problems.join("; ")),
  };
}
