import type { JsonApi } from "../../server/json-api-route.js";
import { checkAppSignature, koodriveAuthenticate, type KoodriveCaller } from "./auth.js";
import { KOODRIVE_ERRORS, koodriveProblem, sendKoodriveError } from "./errors.js";
import type { KoodriveState } from "./uploads.js";

/**
 * The KooDrive JSON API: token or app auth, `{code, msg}` errors, Bad Request for non-JSON and PARAMETER_INVALID for
 * the spec's problems.
 */
export function koodriveApi(state: KoodriveState): JsonApi<KoodriveCaller> {
  return {
    ctx: state.ctx,
    authenticate: (req) => koodriveAuthenticate(req.headers, state, state.ctx.now()),
    checkRawBody: (req, body, { appSignature }) =>
      appSignature === undefined
        ? undefined
        : checkAppSignature({ method: req.method ?? "POST", url: new URL(req.url ?? "/", state.ctx.baseUrl()), headers: req.headers }, body, appSignature, state.appSecret),
    sendError: sendKoodriveError,
    notJson: (reason) => koodriveProblem(KOODRIVE_ERRORS.BAD_REQUEST, reason),
    invalid: (problems) => koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, problems.join("; ")),
  };
}
