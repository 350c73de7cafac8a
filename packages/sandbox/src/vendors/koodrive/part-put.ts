import { rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { initialState, sameState, type HashState } from "../../midstate/hash-state.js";
import { ingestPart } from "../../midstate/part-ingest.js";
import { isProblem, problem, type Problem } from "../../problem.js";
import { decodeHashCtx, HASH_CTX_PARAM } from "../../storage/obs-hash-ctx.js";
import { verifyObsPresignedRequest } from "../../storage/obs-sigv4.js";
import { sendXmlError } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { PART_PUT_KEY } from "./part-urls.js";
import type { DeclaredPart, KoodriveState, KoodriveUpload } from "./uploads.js";

const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * PUT of one part to the OBS-style storage node: the presigned URL must verify, the context it carries must be
 * the one currently declared for the part, and the body must be exactly partSize bytes (Content-Length is signed,
 * so no chunked encoding). The body streams to scratch while being hashed from the claimed state; a serial part
 * from the previous part's end state, so serial parts must arrive in order.
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
      const claimed = claimedState(upload, declared, url.searchParams.get(HASH_CTX_PARAM));
      if (isProblem(claimed)) return sendError(res, claimed);
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

/** The state the part's bytes are hashed from: the one its URL carries (concurrent), or the previous part's end (serial). */
function claimedState(upload: KoodriveUpload, declared: DeclaredPart, ctxParam: string | null): HashState | Problem {
  const { partNumber } = declared;
  if (!declared.claimed) {
    const previous = ctxParam === null ? upload.stored.get(partNumber - 1)?.end : undefined;
    if (!previous) return problem(400, "InvalidArgument", `In a serial upload part ${partNumber - 1} must be uploaded (and be a multiple of 64 bytes) before part ${partNumber}.`);
    const end = previous.offset + declared.partSize;
    if (end > upload.length) return problem(400, "InvalidArgument", `Part ${partNumber} ends at byte ${end}, past the file length ${upload.length}.`);
    if (end < upload.length && declared.partSize < MIN_PART_SIZE) return problem(400, "EntityTooSmall", `Part ${partNumber} is smaller than 5 MiB and not the last part.`);
    return previous;
  }
  const claimed = ctxParam === null ? (partNumber === 1 ? initialState("sha256") : undefined) : decodeHashCtx(ctxParam);
  if (!claimed || !sameState(claimed, declared.claimed)) {
    return problem(400, "InvalidArgument", `The hash context of this URL is not the one currently issued for part ${partNumber}; get a new upload URL.`);
  }
  return claimed;
}
