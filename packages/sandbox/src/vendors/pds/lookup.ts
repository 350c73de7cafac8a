import { problem, type Problem } from "../../problem.js";
import type { PdsState, PdsUpload } from "./uploads.js";

/** The upload in flight for (file_id, upload_id), or NotFound.UploadId / NotFound.File. */
export function findUpload(state: PdsState, body: { file_id: string; upload_id: string }): PdsUpload | Problem {
  const upload = state.byUploadId.get(body.upload_id);
  if (!upload || upload.completed) return problem(404, "NotFound.UploadId", "The resource upload_id cannot be found. Please check (a completed upload is gone too).");
  if (upload.fileId !== body.file_id) return problem(404, "NotFound.File", "The resource file cannot be found. Please check.");
  return upload;
}
