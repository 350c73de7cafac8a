import type { HashAlgorithm } from "../../midstate/hash-state.js";
import { isProblem, problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { pdsApi } from "./api.js";
import { issuePdsPartUrl } from "./part-urls.js";
import { declarePdsParts, type PartInfoInput } from "./parts.js";
import type { PdsState, PdsUpload } from "./uploads.js";

interface CreateFileBody {
  drive_id: string;
  parent_file_id: string;
  name: string;
  type: "file" | "folder";
  size?: number;
  content_type?: string;
  check_name_mode?: string;
  content_hash?: string;
  content_hash_name?: HashAlgorithm;
  parallel_upload?: boolean;
  part_info_list?: PartInfoInput[];
}

/**
 * POST /v2/file/create for files in the drive root: starts an upload (no rapid upload: the sandbox never has the
 * content already) and returns one presigned URL per requested part, remembering each part's claimed context.
 */
export function pdsCreateRoute(state: PdsState): Route {
  return jsonApiRoute<CreateFileBody>(pdsApi(state), {
    path: "/v2/file/create",
    key: "pds.create",
    operationId: "createFile",
    handle({ body, res }) {
      if (body.type !== "file") return problem(400, "InvalidParameterNotSupported.Type", "the sandbox only creates files");
      if (body.parent_file_id !== "root") return problem(404, "NotFound.ParentFileId", "The resource parent_file_id cannot be found. Please check.");
      const algorithm = body.content_hash_name ?? (body.part_info_list?.some((p) => p.parallel_sha256_ctx) ? "sha256" : "sha1");
      if (body.content_hash && body.content_hash.length !== (algorithm === "sha1" ? 40 : 64)) {
        return problem(400, "InvalidParameterNotMatch.ContentHash", `content_hash is not a ${algorithm} hex digest`);
      }
      const name = pickName(state, body.parent_file_id, body.name, body.check_name_mode ?? "ignore");
      if (!name) return problem(409, "NameCheckFailed.ExistSameNameFile", "A file with the same name exists and check_name_mode is refuse.");
      const parallel = body.parallel_upload === true;
      const declared = declarePdsParts(body.part_info_list ?? [{ part_number: 1 }], { parallel, algorithm, size: body.size });
      if (isProblem(declared)) return declared;

      const upload: PdsUpload = {
        fileId: state.ctx.randomId(20),
        uploadId: state.ctx.randomId(16).toUpperCase(),
        name,
        parentFileId: body.parent_file_id,
        objectKey: state.ctx.randomId(16),
        size: body.size,
        contentType: body.content_type ?? "application/octet-stream",
        algorithm,
        contentHash: body.content_hash?.toLowerCase(),
        parallel,
        createdAt: new Date(state.ctx.now()).toISOString(),
        declared: new Map(declared.map((p) => [p.partNumber, p])),
        stored: new Map(),
        completed: false,
      };
      state.names.add(`${upload.parentFileId}/${name}`);
      state.byUploadId.set(upload.uploadId, upload);
      sendJson(res, 201, {
        domain_id: state.domainId,
        drive_id: state.driveId,
        file_id: upload.fileId,
        file_name: name,
        parent_file_id: upload.parentFileId,
        type: "file",
        status: "uploading",
        upload_id: upload.uploadId,
        rapid_upload: false,
        exist: false,
        part_info_list: declared.map((part) => issuePdsPartUrl(state, upload, part)),
      });
    },
  });
}

/** ignore keeps duplicates, refuse rejects them, auto_rename appends "(n)" before the extension. */
function pickName(state: PdsState, parent: string, name: string, mode: string): string | undefined {
  if (mode === "ignore" || !state.names.has(`${parent}/${name}`)) return name;
  if (mode === "refuse") return undefined;
  const dot = name.lastIndexOf(".");
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n++) if (!state.names.has(`${parent}/${base}(${n})${ext}`)) return `${base}(${n})${ext}`;
}
