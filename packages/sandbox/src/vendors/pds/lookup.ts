import type { ServerResponse } from "node:http";
import { sendPdsError } from "./errors.js";
import type { PdsState, PdsUpload } from "./uploads.js";

/** The upload in flight for (file_id, upload_id), or undefined after answering NotFound.UploadId / NotFound.File. */
export function findUpload(state: PdsState, res: ServerResponse, body: { file_id: string; upload_id: string }): PdsUpload | undefined {
  const upload = state.byUploadId.get(body.upload_id);
  if (!upload || upload.completed) {
    sendPdsError(res, 404, "NotFound.UploadId", "The resource upload_id cannot be found. Please check (a completed upload is gone too).");
    return undefined;
  }
  if (upload.fileId !== body.file_id) {
    sendPdsError(res, 404, "NotFound.File", "The resource file cannot be found. Please check.");
    return undefined;
  }
  return upload;
}
