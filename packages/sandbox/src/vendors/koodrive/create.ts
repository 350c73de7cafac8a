import { isProblem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { koodriveApi } from "./api.js";
import type { KoodriveCaller } from "./auth.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";
import { declareAndIssue } from "./part-urls.js";
import { declareParts, type MultiPartInfoInput } from "./parts.js";
import type { KoodriveState, KoodriveUpload } from "./uploads.js";

interface CreateFileBody {
  fileName: string;
  parentFolder: string[];
  length: number;
  uploadMode: string;
  uploadType: number;
  autoRename: 2 | 3 | 4;
  sha256?: string;
  mimeType?: string;
  multiParts?: MultiPartInfoInput[];
}

/**
 * POST files/create: only multipart mode (uploadType 1) into the root folder, as the docs allow today. A known
 * `sha256` (of the same length) is a flash upload (`rapidUpload: true`, no parts); autoRename 4 with the same name
 * and sha256 answers `exist: true` with the existing file.
 */
export function createFileRoute(state: KoodriveState): Route {
  return jsonApiRoute<CreateFileBody, KoodriveCaller>(koodriveApi(state), {
    path: "/koodrive/ose/v1/files/create",
    key: "koodrive.create",
    operationId: "createFile",
    async handle({ body, res }) {
      if (body.uploadType !== 1 || body.uploadMode !== "multipart") {
        return koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, "only uploadType 1 with uploadMode multipart is supported");
      }
      if (body.parentFolder[0] !== "root") {
        return koodriveProblem(KOODRIVE_ERRORS.FILE_NOT_IN_SPECIFIED_CONTAINER, "the sandbox has only the root folder");
      }
      const sha256 = body.sha256?.toLowerCase();
      const base = { code: 0, msg: "Success.", containerId: state.containerId, parentFolder: body.parentFolder };
      const taken = state.names.get(body.fileName);
      if (taken && body.autoRename === 4 && sha256 !== undefined && taken.sha256 === sha256) {
        return sendJson(res, 200, { ...base, fileId: taken.fileId, fileName: body.fileName, exist: true, rapidUpload: false });
      }
      const fileName = pickName(state, body.fileName, body.autoRename);
      if (!fileName) return koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, "a file with this name exists and autoRename is 3 (refuse)");
      const known = sha256 === undefined ? undefined : await state.contents.find("sha256", sha256);
      if (known && known.size === body.length) {
        const fileId = `F${state.ctx.randomId(16)}`;
        state.names.set(fileName, { fileId, sha256 });
        return sendJson(res, 200, { ...base, fileId, fileName, exist: false, rapidUpload: true });
      }
      const declared = declareParts(body.multiParts ?? [], body.length, undefined);
      if (isProblem(declared)) return declared;

      const upload: KoodriveUpload = {
        fileId: `F${state.ctx.randomId(16)}`,
        fileName,
        uploadId: state.ctx.randomId(16).toUpperCase(),
        objectKey: state.ctx.randomId(16),
        length: body.length,
        sha256: body.sha256?.toLowerCase(),
        mimeType: body.mimeType,
        mode: undefined,
        declared: new Map(),
        stored: new Map(),
        completed: false,
      };
      state.names.set(fileName, { fileId: upload.fileId });
      state.byFileId.set(upload.fileId, upload);
      state.byUploadId.set(upload.uploadId, upload);
      const multiParts = await declareAndIssue(state, upload, declared);
      sendJson(res, 200, { ...base, fileId: upload.fileId, fileName, uploadId: upload.uploadId, exist: false, rapidUpload: false, multiParts });
    },
  });
}

/** autoRename 3 refuses a taken name; 2 and 4 (with another sha256) append a timestamp. */
function pickName(state: KoodriveState, name: string, autoRename: 2 | 3 | 4): string | undefined {
  if (!state.names.has(name)) return name;
  if (autoRename === 3) return undefined;
  const dot = name.lastIndexOf(".");
  const stamp = `_${state.ctx.now()}`;
  return dot > 0 ? `${name.slice(0, dot)}${stamp}${name.slice(dot)}` : `${name}${stamp}`;
}
