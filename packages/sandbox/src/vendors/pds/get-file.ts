import { problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { pdsApi, type PdsCaller } from "./api.js";
import { fileBody } from "./file-entry.js";
import type { PdsState } from "./uploads.js";

/** POST /v2/file/get: a file's metadata (`status: uploading` until its upload completes). */
export function pdsGetFileRoute(state: PdsState): Route {
  return jsonApiRoute<{ file_id: string }, PdsCaller>(pdsApi(state), {
    path: "/v2/file/get",
    key: "pds.get",
    operationId: "getFile",
    handle({ body, res }) {
      const entry = state.files.get(body.file_id);
      if (!entry) return problem(404, "NotFound.File", "The resource file cannot be found. Please check.");
      sendJson(res, 200, fileBody(state, entry));
    },
  });
}
