import type { Route } from "../../types.js";
import { koodriveApiRoute } from "./api-route.js";
import { KOODRIVE_ERRORS, sendKoodriveError } from "./errors.js";
import { sendJson } from "../../server/replies.js";
import { declareAndIssue } from "./part-urls.js";
import { declareParts, type MultiPartInfoInput } from "./parts.js";
import type { KoodriveState } from "./uploads.js";

/** POST files/multipart/uploadUrl: validates each part's size, offset and context, then signs one URL per part. */
export function uploadUrlRoute(state: KoodriveState): Route {
  return koodriveApiRoute<{ fileId: string; multiParts: MultiPartInfoInput[] }>(
    state,
    { path: "/koodrive/ose/v1/files/multipart/uploadUrl", key: "koodrive.uploadUrl", operationId: "getMultipartUploadUrl" },
    async (body, { res }) => {
      const upload = state.byFileId.get(body.fileId);
      if (!upload || upload.completed) return sendKoodriveError(res, KOODRIVE_ERRORS.NOT_EXIST_UPLOAD_TASK, "no upload task for this fileId; create the file again");
      const declared = declareParts(body.multiParts, upload.length);
      if (typeof declared === "string") return sendKoodriveError(res, KOODRIVE_ERRORS.PARAMETER_INVALID, declared);
      const multiParts = await declareAndIssue(state, upload, declared);
      sendJson(res, 200, { multiParts, code: 0, msg: "Success." });
    },
  );
}
