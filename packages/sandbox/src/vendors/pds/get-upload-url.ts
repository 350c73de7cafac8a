import { sameState } from "../../midstate/hash-state.js";
import { isProblem, problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { pdsApi, type PdsCaller } from "./api.js";
import { findOpenUpload } from "./lookup.js";
import { PDS_PART_LIST_BODY_BYTES } from "./part-list-body.js";
import { issuePdsPartUrl } from "./part-urls.js";
import { declarePdsParts, type PartInfoInput } from "./parts.js";
import type { PdsState } from "./uploads.js";

/**
 * POST /v2/file/get_upload_url: fresh URLs for the listed parts. A part not yet uploaded may change its context
 * (the new one replaces the old); an uploaded part may not (409), since its bytes were hashed from the old one.
 */
export function pdsGetUploadUrlRoute(state: PdsState): Route {
  return jsonApiRoute<{ file_id: string; upload_id: string; part_info_list: PartInfoInput[] }, PdsCaller>(pdsApi(state), {
    path: "/v2/file/get_upload_url",
    key: "pds.get_upload_url",
    operationId: "getUploadUrl",
    maxBodyBytes: PDS_PART_LIST_BODY_BYTES,
    handle({ body, res }) {
      const upload = findOpenUpload(state, body);
      if (isProblem(upload)) return upload;
      const declared = declarePdsParts(body.part_info_list, upload);
      if (isProblem(declared)) return declared;
      for (const part of declared) {
        const stored = upload.stored.get(part.partNumber);
        if (stored && part.claimed && !sameState(part.claimed, stored.claimed)) {
          return problem(409, "AlreadyExist.Part", `part ${part.partNumber} is already uploaded from another context; its context cannot change`);
        }
      }
      for (const part of declared) upload.declared.set(part.partNumber, part);
      sendJson(res, 200, {
        domain_id: state.domainId,
        drive_id: state.driveId,
        file_id: upload.fileId,
        upload_id: upload.uploadId,
        create_at: upload.createdAt,
        part_info_list: declared.map((part) => issuePdsPartUrl(state, upload, part)),
      });
    },
  });
}
