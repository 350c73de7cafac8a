import { problem } from "../../problem.js";
import type { JsonApi } from "../../server/json-api-route.js";
import { sendPdsError } from "./errors.js";
import type { PdsState } from "./uploads.js";

/** Who calls: the share token sent besides the bearer token, if any. */
export interface PdsCaller {
  shareToken: string | undefined;
}

/**
 * The PDS JSON API: bearer token, `{code, message}` errors, object bodies only, and every call names this
 * sandbox's drive, or its share link with the link's `x-share-token`.
 */
export function pdsApi(state: PdsState): JsonApi<PdsCaller> {
  return {
    ctx: state.ctx,
    authenticate: (req) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (token !== state.token) return problem(401, "AccessTokenInvalid", "AccessToken is invalid. Refresh the access token and retry.");
      const shareToken = req.headers["x-share-token"];
      return { shareToken: typeof shareToken === "string" ? shareToken : undefined };
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
      if (driveId === undefined) return problem(400, "InvalidParameterMissing.DriveId", "drive_id (or share_id with x-share-token) is required");
      if (driveId !== state.driveId) return problem(404, "NotFound.Drive", "The resource drive cannot be found. Please check.");
      return undefined;
    },
  };
}
