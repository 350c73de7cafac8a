import { problem } from "../../problem.js";
import type { JsonApi } from "../../server/json-api-route.js";
import { sendPdsError } from "./errors.js";
import type { PdsState } from "./uploads.js";

/** Who calls: the share token, if any, and whether a valid bearer token came too (a share link needs none). */
export interface PdsCaller {
  shareToken: string | undefined;
  bearer: boolean;
}

/**
 * The PDS JSON API: bearer token, `{code, message}` errors, object bodies only, and every call names this
 * sandbox's drive, or its share link with the link's `x-share-token` (which authenticates alone).
 */
export function pdsApi(state: PdsState): JsonApi<PdsCaller> {
  return {
    ctx: state.ctx,
    authenticate: (req) => {
      const header = req.headers["x-share-token"];
      const shareToken = typeof header === "string" ? header : undefined;
      if (req.headers.authorization === undefined && shareToken !== undefined) return { shareToken, bearer: false };
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (token !== state.token) return problem(401, "AccessTokenInvalid", "AccessToken is invalid. Refresh the access token and retry.");
      return { shareToken, bearer: true };
    },
    sendError: sendPdsError,
    notJson: (reason) => problem(400, "InvalidRequestJSONFormat", reason),
    checkBody: (body) => (typeof body === "object" && body !== null ? undefined : problem(400, "InvalidRequestJSONFormat", "the body must be a JSON object")),
    invalid: (problems) => problem(400, "InvalidParameter", problems.join("; ")),
    checkScope: (body, caller) => {
      const { drive_id: driveId, share_id: shareId } = body as { drive_id?: unknown; share_id?: unknown };
      if (driveId === undefined && shareId !== undefined) {
        if (shareId !== state.shareId) return problem(404, "NotFound.Share", "The resource share cannot be found. Please check.");
        return caller.shareToken === state.shareToken ? undefined : problem(401, "ShareLinkTokenInvalid", "ShareLinkToken is invalid. Refresh the share token and retry.");
      }
      if (!caller.bearer) return problem(401, "AccessTokenInvalid", "AccessToken is invalid. A share token only opens its share_id; send the access token for a drive.");
      if (driveId === undefined) return problem(400, "InvalidParameterMissing.DriveId", "drive_id (or share_id with x-share-token) is required");
      if (driveId !== state.driveId) return problem(404, "NotFound.Drive", "The resource drive cannot be found. Please check.");
      return undefined;
    },
  };
}
