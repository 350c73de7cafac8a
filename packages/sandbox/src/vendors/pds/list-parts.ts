import { isProblem, problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { pdsApi, type PdsCaller } from "./api.js";
import { findUpload } from "./lookup.js";
import { ctxField, type PdsState } from "./uploads.js";

/** The docs say 1..100; the official SDK sends 1000 and works against the service, so that is accepted too. */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/**
 * POST /v2/file/list_uploaded_parts: stored parts after part_number_marker, `limit` (default 100) at a time. The
 * next marker is the page's last part number, as OSS ListParts answers: the docs' "pass it back" lists every part
 * once, the SDK's "marker - 1" lists each page's last part again.
 */
export function pdsListPartsRoute(state: PdsState): Route {
  return jsonApiRoute<{ file_id: string; upload_id: string; limit?: number; part_number_marker?: number }, PdsCaller>(pdsApi(state), {
    path: "/v2/file/list_uploaded_parts",
    key: "pds.list_uploaded_parts",
    operationId: "listUploadedParts",
    precheck: (body) => {
      const { limit } = body as { limit?: unknown };
      return limit === undefined || (Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT)
        ? undefined
        : problem(400, "InvalidParameterOutOfRange.Limit", `The input parameter limit is out of range, must be between 1 and ${MAX_LIMIT}.`);
    },
    handle({ body, res }) {
      const upload = findUpload(state, body);
      if (isProblem(upload)) return upload;
      const after = body.part_number_marker ?? 0;
      const remaining = [...upload.stored.values()].filter((p) => p.partNumber > after).sort((a, b) => a.partNumber - b.partNumber);
      const page = remaining.slice(0, body.limit ?? DEFAULT_LIMIT);
      const field = ctxField(upload.algorithm);
      sendJson(res, 200, {
        file_id: upload.fileId,
        upload_id: upload.uploadId,
        parallel_upload: upload.parallel,
        uploaded_parts: page.map((part) => {
          const ctx = upload.parallel ? upload.declared.get(part.partNumber)?.ctx : undefined;
          return { part_number: part.partNumber, part_size: part.size, etag: part.etag, ...(ctx ? { [field]: ctx } : {}) };
        }),
        next_part_number_marker: remaining.length > page.length ? String(page[page.length - 1]!.partNumber) : "",
      });
    },
  });
}
