import { isProblem, problem, type Problem } from "../../problem.js";
import type { PdsState, PdsUpload } from "./uploads.js";

/** The upload in flight for (file_id, upload_id), or NotFound.UploadId / NotFound.File. */
export function findUpload(state: PdsState, body: { file_id: string; upload_id: string }): PdsUpload | Problem {
  const upload = state.byUploadId.get(body.upload_id);
  if (!upload || upload.completed) return problem(404, "NotFound.UploadId", "The resource upload_id cannot be found. Please check (a completed upload is gone too).");
  if (upload.fileId !== body.file_id) return problem(404, "NotFound.File", "The resource file cannot be found. Please check.");
  return upload;
}

/**
 * The upload, for a call that would add to it (get_upload_url, complete): one a rapid upload finished meanwhile
 * answers AlreadyExist.File, the answer the official SDK's resume counts as success (`BaseUploader.js` `run`).
 */
export function findOpenUpload(state: PdsState, body: { file_id: string; upload_id: string }): PdsUpload | Problem {
  const upload = findUpload(state, body);
  if (isProblem(upload) || !upload.rapidFinished) return upload;
  return problem(409, "AlreadyExist.File", "The resource file has already existed (a rapid upload finished it).");
}
