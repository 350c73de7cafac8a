import { verifyChain } from "../../midstate/chain.js";
import { isProblem, problem, type Problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { pdsApi } from "./api.js";
import { findUpload } from "./lookup.js";
import type { PdsState, PdsStoredPart, PdsUpload } from "./uploads.js";

/** OSS rejects parts below 100 KB except the last (EntityTooSmall at completion). */
const MIN_PART_BYTES = 100 * 1024;

interface CompleteBody {
  file_id: string;
  upload_id: string;
  part_info_list?: { part_number?: number; etag?: string }[];
}

/**
 * POST /v2/file/complete: takes the listed parts (or all stored ones), checks ETags, OSS part sizes and the
 * midstate chain up to the whole-file hash, assembles the object and returns the File with its content_hash.
 */
export function pdsCompleteRoute(state: PdsState): Route {
  return jsonApiRoute<CompleteBody>(pdsApi(state), {
    path: "/v2/file/complete",
    key: "pds.complete",
    operationId: "completeFile",
    async handle({ body, res }) {
      const upload = findUpload(state, body);
      if (isProblem(upload)) return upload;
      const parts = pickParts(upload, body.part_info_list);
      if (isProblem(parts)) return parts;
      const small = parts.slice(0, -1).find((p) => p.size < MIN_PART_BYTES);
      if (small) return problem(400, "EntityTooSmall", `part ${small.partNumber} has ${small.size} bytes; every part but the last needs at least ${MIN_PART_BYTES}`);
      const chain = verifyChain(parts, upload.contentHash, (reason) => problem(400, "InvalidParameterNotMatch.ContentHash", `${reason}; upload the file again`));
      if (isProblem(chain)) return chain;
      if (upload.size !== undefined && chain.size !== upload.size) {
        return problem(400, "InvalidParameterNotMatch.Size", `the parts hold ${chain.size} bytes but size is ${upload.size}`);
      }
      upload.completed = true;
      const stored = await state.ctx.store.assemble({
        vendor: "pds",
        bucket: state.bucket,
        key: upload.objectKey,
        parts: parts.map((p) => p.path),
        contentType: upload.contentType,
        known: { [upload.algorithm]: chain.digest },
      });
      const dot = upload.name.lastIndexOf(".");
      sendJson(res, 200, {
        domain_id: state.domainId,
        drive_id: state.driveId,
        file_id: upload.fileId,
        parent_file_id: upload.parentFileId,
        name: upload.name,
        type: "file",
        size: stored.size,
        status: "available",
        upload_id: upload.uploadId,
        content_type: upload.contentType,
        ...(dot > 0 ? { file_extension: upload.name.slice(dot + 1).toLowerCase() } : {}),
        content_hash: chain.digest.toUpperCase(),
        content_hash_name: upload.algorithm,
        created_at: upload.createdAt,
        updated_at: new Date(state.ctx.now()).toISOString(),
        hidden: false,
        starred: false,
      });
    },
  });
}

function pickParts(upload: PdsUpload, listed: CompleteBody["part_info_list"]): PdsStoredPart[] | Problem {
  if (!listed) return [...upload.stored.values()].sort((a, b) => a.partNumber - b.partNumber);
  const parts: PdsStoredPart[] = [];
  for (const item of listed) {
    const part = item.part_number === undefined ? undefined : upload.stored.get(item.part_number);
    if (!part) return problem(400, "InvalidPart", `part ${item.part_number ?? "(no part_number)"} was not uploaded`);
    if (item.etag !== undefined && unquote(item.etag) !== unquote(part.etag)) return problem(400, "InvalidPart", `the etag of part ${part.partNumber} does not match the uploaded part`);
    parts.push(part);
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

function unquote(etag: string): string {
  return etag.replace(/"/g, "").toUpperCase();
}
