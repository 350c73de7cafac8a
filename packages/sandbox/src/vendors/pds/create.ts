import type { HashAlgorithm } from "../../midstate/hash-state.js";
import { isProblem, problem, type Problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { pdsApi, type PdsCaller } from "./api.js";
import { addFileEntry, setFileContent } from "./file-entry.js";
import { PDS_PART_LIST_BODY_BYTES } from "./part-list-body.js";
import { issuePdsPartUrl } from "./part-urls.js";
import { declarePdsParts, type PartInfoInput } from "./parts.js";
import type { PdsFileEntry, PdsState, PdsUpload } from "./uploads.js";

interface CreateFileBody {
  parent_file_id: string;
  name: string;
  type: "file" | "folder";
  file_id?: string;
  size?: number;
  content_type?: string;
  check_name_mode?: "ignore" | "auto_rename" | "refuse";
  content_hash?: string;
  content_hash_name?: HashAlgorithm;
  pre_hash?: string;
  parallel_upload?: boolean;
  part_info_list?: PartInfoInput[];
}

/**
 * POST /v2/file/create for files in the drive root. In order: the domain's parallel switch, the target (an existing
 * `file_id` for a new version, else the name under check_name_mode, where a refused name answers `exist: true`),
 * rapid upload by `content_hash` (or a 409 for a matching `pre_hash` alone), and else a new upload with one
 * presigned URL per requested part, remembering each part's claimed context.
 */
export function pdsCreateRoute(state: PdsState): Route {
  return jsonApiRoute<CreateFileBody, PdsCaller>(pdsApi(state), {
    path: "/v2/file/create",
    key: "pds.create",
    operationId: "createFile",
    maxBodyBytes: PDS_PART_LIST_BODY_BYTES,
    async handle({ body, res }) {
      if (body.type !== "file") return problem(400, "InvalidParameterNotSupported.Type", "the sandbox only creates files");
      if (body.parent_file_id !== "root") return problem(404, "NotFound.ParentFileId", "The resource parent_file_id cannot be found. Please check.");
      const parallel = body.parallel_upload === true;
      if (parallel && !state.parallelUpload) {
        return problem(400, "InvalidParameterNotSupported.ParallelUpload", "This domain does not support parallel upload; create with parallel_upload false.");
      }
      const algorithm = body.content_hash_name ?? (body.part_info_list?.some((p) => p.parallel_sha256_ctx) ? "sha256" : "sha1");
      const digestLength = algorithm === "sha1" ? 40 : 64;
      if (body.content_hash && body.content_hash.length !== digestLength)
        return problem(400, "InvalidParameterNotMatch.ContentHash", `content_hash is not a ${algorithm} hex digest`);
      if (body.pre_hash && body.pre_hash.length !== digestLength) return problem(400, "InvalidParameterNotMatch.PreHash", `pre_hash is not a ${algorithm} hex digest`);
      const declared = declarePdsParts(body.part_info_list ?? [{ part_number: 1 }], { parallel, algorithm, size: body.size });
      if (isProblem(declared)) return declared;

      const target = pickTarget(state, body);
      if (isProblem(target)) return target;
      const base = { domain_id: state.domainId, drive_id: state.driveId, parent_file_id: body.parent_file_id, type: "file" };
      if ("existing" in target) {
        const { existing } = target;
        return sendJson(res, 201, {
          ...base,
          file_id: existing.fileId,
          file_name: existing.name,
          status: existing.object ? "available" : "uploading",
          exist: true,
          rapid_upload: false,
        });
      }
      const known = body.content_hash ? await state.contents.find(algorithm, body.content_hash) : undefined;
      if (!known && !body.content_hash && body.pre_hash && state.contents.matchesPrefix(algorithm, body.pre_hash, body.size)) {
        return problem(409, "PreHashMatched", "The pre_hash matches a stored file; create again with content_hash.");
      }
      const entry = target.entry ?? addFileEntry(state, { name: target.name, parentFileId: body.parent_file_id, contentType: body.content_type ?? "application/octet-stream" });
      if (known && (body.size === undefined || known.size === body.size)) {
        await setFileContent(state, entry, known, algorithm);
        for (const open of state.byUploadId.values()) if (open.entry === entry && !open.completed) open.rapidFinished = true;
        return sendJson(res, 201, { ...base, file_id: entry.fileId, file_name: entry.name, status: "available", exist: false, rapid_upload: true });
      }

      const upload: PdsUpload = {
        fileId: entry.fileId,
        uploadId: state.ctx.randomId(16).toUpperCase(),
        entry,
        objectKey: state.ctx.randomId(16),
        size: body.size,
        contentType: body.content_type ?? entry.contentType,
        algorithm,
        contentHash: body.content_hash?.toLowerCase(),
        parallel,
        createdAt: new Date(state.ctx.now()).toISOString(),
        declared: new Map(declared.map((p) => [p.partNumber, p])),
        stored: new Map(),
        completed: false,
        rapidFinished: false,
      };
      state.byUploadId.set(upload.uploadId, upload);
      sendJson(res, 201, {
        ...base,
        file_id: upload.fileId,
        file_name: entry.name,
        status: "uploading",
        upload_id: upload.uploadId,
        rapid_upload: false,
        exist: false,
        part_info_list: declared.map((part) => issuePdsPartUrl(state, upload, part)),
      });
    },
  });
}

type Target = { existing: PdsFileEntry } | { entry: PdsFileEntry; name?: undefined } | { entry?: undefined; name: string };

/**
 * An existing `file_id` gets a new version; else the name: ignore keeps duplicates, refuse answers the existing
 * file, auto_rename appends "(n)" before the extension.
 */
function pickTarget(state: PdsState, body: CreateFileBody): Target | Problem {
  if (body.file_id !== undefined) {
    const entry = state.files.get(body.file_id);
    return entry ? { entry } : problem(404, "NotFound.File", "The resource file cannot be found. Please check.");
  }
  const { parent_file_id: parent, name } = body;
  const mode = body.check_name_mode ?? "ignore";
  const existingId = state.names.get(`${parent}/${name}`);
  if (mode === "ignore" || existingId === undefined) return { name };
  if (mode === "refuse") return { existing: state.files.get(existingId)! };
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n++) if (!state.names.has(`${parent}/${stem}(${n})${ext}`)) return { name: `${stem}(${n})${ext}` };
}
