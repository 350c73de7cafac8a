import { verifyChain } from "../../midstate/chain.js";
import { isProblem, problem, type Problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { crc64OfFiles } from "../../storage/crc64.js";
import { pdsApi, type PdsCaller } from "./api.js";
import { fileBody, setFileContent } from "./file-entry.js";
import { findOpenUpload } from "./lookup.js";
import { PDS_PART_LIST_BODY_BYTES } from "./part-list-body.js";
import type { PdsState, PdsStoredPart, PdsUpload } from "./uploads.js";

/** OSS rejects parts below 100 KB except the last (EntityTooSmall at completion). */
const MIN_PART_BYTES = 100 * 1024;

interface CompleteBody {
  file_id: string;
  upload_id: string;
  crc64_hash?: string;
  part_info_list?: { part_number?: number; etag?: string }[];
}

/**
 * POST /v2/file/complete: takes the listed parts (or all stored ones), checks ETags, OSS part sizes and the
 * midstate chain up to the whole-file hash (and the CRC-64 in serial mode), assembles the object and returns the
 * File with its content_hash (and crc64_hash).
 */
export function pdsCompleteRoute(state: PdsState): Route {
  return jsonApiRoute<CompleteBody, PdsCaller>(pdsApi(state), {
    path: "/v2/file/complete",
    key: "pds.complete",
    operationId: "completeFile",
    maxBodyBytes: PDS_PART_LIST_BODY_BYTES,
    async handle({ body, res }) {
      const upload = findOpenUpload(state, body);
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
      // Serial uploads are checked by CRC-64 as OSS computes it; a parallel one only when the caller sends one.
      const crc64 = !upload.parallel || body.crc64_hash !== undefined ? await crc64OfFiles(parts.map((p) => p.path)) : undefined;
      if (body.crc64_hash !== undefined && body.crc64_hash !== crc64) {
        return problem(400, "InvalidParameterNotMatch.Crc64Hash", `crc64_hash ${body.crc64_hash} does not match the uploaded bytes (${crc64}); upload the file again`);
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
      await setFileContent(state, upload.entry, stored, upload.algorithm, crc64);
      sendJson(res, 200, fileBody(state, upload.entry, upload.uploadId));
    },
  });
}

function pickParts(upload: PdsUpload, listed: CompleteBody["part_info_list"]): PdsStoredPart[] | Problem {
  if (!listed) return [...upload.stored.values()].sort((a, b) => a.partNumber - b.partNumber);
  const parts: PdsStoredPart[] = [];
  for (const item of listed) {
    const part = item.part_number === undefined ? undefined : upload.stored.get(item.part_number);
    if (!part) return problem(400, "InvalidPart", `part ${item.part_number ?? "(no part_number)"} was not uploaded`);
    if (item.etag !== undefined && unquote(item.etag) !== unquote(part.etag))
      return problem(400, "InvalidPart", `the etag of part ${part.partNumber} does not match the uploaded part`);
    parts.push(part);
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

function unquote(etag: string): string {
  return etag.replace(/"/g, "").toUpperCase();
}
