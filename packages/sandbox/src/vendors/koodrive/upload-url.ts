import { isProblem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { koodriveApi } from "./api.js";
import type { KoodriveCaller } from "./auth.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";
import { declareAndIssue } from "./part-urls.js";
import { declareParts, type MultiPartInfoInput } from "./parts.js";
import type { KoodriveState } from "./uploads.js";

/** POST files/multipart/uploadUrl: validates each part's size, offset and context (or their absence in a serial upload), then signs one URL per part. */
export function uploadUrlRoute(state: KoodriveState): Route {
  return jsonApiRoute<{ fileId: string; multiParts: MultiPartInfoInput[] }, KoodriveCaller>(koodriveApi(state), {
    path: "/koodrive/ose/v1/files/multipart/uploadUrl",
    key: "koodrive.uploadUrl",
    operationId: "getMultipartUploadUrl",
    async handle({ body, res }) {
      const upload = state.byFileId.get(body.fileId);
      if (!upload || upload.completed) return koodriveProblem(KOODRIVE_ERRORS.NOT_EXIST_UPLOAD_TASK, "no upload task for this fileId; create the file again");
      const declared = declareParts(body.multiParts, upload.length, upload.mode);
      if (isProblem(declared)) return declared;
      const multiParts = await declareAndIssue(state, upload, declared);
      sendJson(res, 200, { multiParts, code: 0, msg: "Success." });
    },
  });
}
