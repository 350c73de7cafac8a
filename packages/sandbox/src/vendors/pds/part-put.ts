import { rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { EntityTooLargeError } from "../../errors.js";
import { initialState, type HashState } from "../../midstate/hash-state.js";
import { ingestPart } from "../../midstate/part-ingest.js";
import { isProblem, problem, type Problem } from "../../problem.js";
import { sendXmlError } from "../../server/replies.js";
import { verifyOssPresignedRequest } from "../../storage/pds-oss-signature.js";
import type { Route } from "../../types.js";
import { PDS_PART_PUT_KEY } from "./part-urls.js";
import type { PdsState, PdsUpload } from "./uploads.js";

const MAX_PART_BYTES = 5 * 1024 ** 3;

/**
 * PUT of one part to the OSS-style storage node. The URL's V1 signature and expiry are checked; the body streams
 * to scratch while being hashed from the part's claimed context (parallel mode, kept server-side since the URL does
 * not carry it) or from the previous part's end state (serial mode, which therefore needs parts in order).
 */
export function pdsPartPutRoute(state: PdsState): Route {
  const sendError = (res: ServerResponse, { status, code, message }: Problem) => {
    const requestId = state.ctx.randomId(12).toUpperCase();
    sendXmlError(res, status, { Code: code, Message: message, RequestId: requestId, HostId: new URL(state.ctx.baseUrl()).host }, { "x-oss-request-id": requestId });
  };
  return {
    method: "PUT",
    path: "/storage/pds/:bucket/*",
    key: PDS_PART_PUT_KEY,
    sendError,
    async handle({ req, res, url, params }) {
      const bucket = params.bucket ?? "";
      const key = params["*"] ?? "";
      const denied = verifyOssPresignedRequest({ credentials: state.oss, method: "PUT", bucket, key, query: url.searchParams, headers: req.headers, now: state.ctx.now() });
      if (denied) return sendError(res, denied);
      const upload = state.byUploadId.get(url.searchParams.get("uploadId") ?? "");
      if (!upload || upload.completed || bucket !== state.bucket || key !== upload.objectKey) {
        return sendError(res, problem(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."));
      }
      const partNumber = Number(url.searchParams.get("partNumber"));
      if (!upload.declared.has(partNumber)) return sendError(res, problem(400, "InvalidArgument", `Part ${partNumber} was not requested through create or get_upload_url.`));
      const claimed = claimedState(upload, partNumber);
      if (isProblem(claimed)) return sendError(res, claimed);
      const part = await ingestPart({ store: state.ctx.store, cores: state.ctx.shaCores, body: req, partNumber, claimed, maxBytes: MAX_PART_BYTES }).catch((error: unknown) => {
        if (error instanceof EntityTooLargeError) return undefined;
        throw error;
      });
      if (!part) return sendError(res, problem(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size of a part (5 GiB)."));
      const etag = `"${part.md5.toUpperCase()}"`;
      const replaced = upload.stored.get(partNumber);
      upload.stored.set(partNumber, { ...part, etag });
      if (replaced) await rm(replaced.path, { force: true });
      res.writeHead(200, { etag, "content-length": 0, "x-oss-request-id": state.ctx.randomId(12).toUpperCase() });
      res.end();
    },
  };
}

/** The state the part's bytes are hashed from, or PartNotSequential. */
function claimedState(upload: PdsUpload, partNumber: number): HashState | Problem {
  const notSequential = (reason: string) => problem(400, "PartNotSequential", reason);
  if (upload.parallel) return upload.declared.get(partNumber)?.claimed ?? notSequential("the part has no context");
  if (partNumber === 1) return initialState(upload.algorithm);
  const previous = upload.stored.get(partNumber - 1)?.end;
  return previous ?? notSequential(`In serial mode part ${partNumber - 1} must be uploaded (and be a multiple of 64 bytes) before part ${partNumber}.`);
}
