import { rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { initialState, sameState } from "../../midstate/hash-state.js";
import { ingestPart } from "../../midstate/part-ingest.js";
import { problem, type Problem } from "../../problem.js";
import { decodeHashCtx, HASH_CTX_PARAM } from "../../storage/obs-hash-ctx.js";
import { verifyObsPresignedRequest } from "../../storage/obs-sigv4.js";
import { sendXmlError } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { PART_PUT_KEY } from "./part-urls.js";
import type { KoodriveState } from "./uploads.js";

/**
 * PUT of one part to the OBS-style storage node: the presigned URL must verify, the context it carries must be
 * the one currently declared for the part, and the body must be exactly partSize bytes (Content-Length is signed,
 * so no chunked encoding). The body streams to scratch while being hashed from the claimed state.
 */
export function partPutRoute(state: KoodriveState): Route {
  const sendError = (res: ServerResponse, { status, code, message }: Problem) =>
    sendXmlError(res, status, { Code: code, Message: message, RequestId: state.ctx.randomId(8).toUpperCase() });
  return {
    method: "PUT",
    path: "/storage/obs/:bucket/*",
    key: PART_PUT_KEY,
    sendError,
    async handle({ req, res, url, params }) {
      const denied = await verifyObsPresignedRequest({ credentials: state.obs, method: "PUT", url, headers: req.headers, now: state.ctx.now() });
      if (denied) return sendError(res, denied);
      const upload = state.byUploadId.get(url.searchParams.get("uploadId") ?? "");
      if (!upload || upload.completed || params.bucket !== state.bucket || params["*"] !== upload.objectKey) {
        return sendError(res, problem(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."));
      }
      const partNumber = Number(url.searchParams.get("partNumber"));
      const declared = upload.declared.get(partNumber);
      if (!declared) return sendError(res, problem(400, "InvalidArgument", `Part ${partNumber} was not declared through uploadUrl.`));
      const ctxParam = url.searchParams.get(HASH_CTX_PARAM);
      const claimed = ctxParam === null ? (partNumber === 1 ? initialState("sha256") : undefined) : decodeHashCtx(ctxParam);
      if (!claimed || !sameState(claimed, declared.claimed)) {
        return sendError(res, problem(400, "InvalidArgument", `The hash context of this URL is not the one currently issued for part ${partNumber}; get a new upload URL.`));
      }
      const length = req.headers["content-length"];
      if (length === undefined || req.headers["transfer-encoding"] !== undefined) {
        return sendError(res, problem(411, "MissingContentLength", "You must provide the Content-Length HTTP header (chunked transfer encoding is not accepted)."));
      }
      if (Number(length) !== declared.partSize) {
        return sendError(res, problem(400, "InvalidArgument", `Content-Length must equal the part's partSize ${declared.partSize}.`));
      }
      const part = await ingestPart({ store: state.ctx.store, cores: state.ctx.shaCores, body: req, partNumber, claimed, maxBytes: declared.partSize });
      if (part.size !== declared.partSize) {
        await rm(part.path, { force: true });
        return sendError(res, problem(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header."));
      }
      const replaced = upload.stored.get(partNumber);
      upload.stored.set(partNumber, part);
      if (replaced) await rm(replaced.path, { force: true });
      res.writeHead(200, { etag: `"${part.md5}"`, "content-length": 0 });
      res.end();
    },
  };
}
