import type { JsonApi } from "../../server/json-api-route.js";
import { expectedAppSignature, sameSignature } from "./app-signature.js";
import { koodriveAuthenticate, type KoodriveCaller } from "./auth.js";
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
    checkRawBody: (req, body, { appSignature }) => {
      if (appSignature === undefined) return undefined;
      const headers = { host: req.headers.host ?? "", "x-date": String(req.headers["x-date"] ?? ""), "x-user-id": String(req.headers["x-user-id"] ?? "") };
      const expected = expectedAppSignature({ method: req.method ?? "POST", url: new URL(req.url ?? "/", state.ctx.baseUrl()), headers, body, appSecret: state.appSecret });
      return sameSignature(expected, appSignature) ? undefined : koodriveProblem(KOODRIVE_ERRORS.UNAUTHORIZED, "the app-auth signature does not match the request");
    },
    sendError: sendKoodriveError,
    notJson: (reason) => koodriveProblem(KOODRIVE_ERRORS.BAD_REQUEST, reason),
    invalid: (problems) => koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, problems.join("; ")),
  };
}
