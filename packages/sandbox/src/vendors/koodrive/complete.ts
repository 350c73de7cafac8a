import { verifyChain } from "../../midstate/chain.js";
import { sameState } from "../../midstate/hash-state.js";
import type { Route } from "../../types.js";
import { koodriveApiRoute } from "./api-route.js";
import { KOODRIVE_ERRORS, sendKoodriveError } from "./errors.js";
import { sendJson } from "../../server/replies.js";
import type { KoodriveState, KoodriveUpload } from "./uploads.js";

/**
 * POST files/complete: checks the midstate chain of the stored parts (1..n present, contiguous 64-aligned offsets,
 * each end state equal to the next part's claimed state), that they add up to the file length, and that the
 * finished SHA-256 equals the declared one; then assembles the object. Any mismatch is 13000402.
 */
export function completeFileRoute(state: KoodriveState): Route {
  return koodriveApiRoute<{ fileId: string; sha256?: string }>(
    state,
    { path: "/koodrive/ose/v1/files/complete", key: "koodrive.complete", operationId: "completeFile" },
    async (body, { res }) => {
      const upload = state.byFileId.get(body.fileId);
      if (!upload || upload.completed) return sendKoodriveError(res, KOODRIVE_ERRORS.NOT_EXIST_UPLOAD_TASK, "no upload task for this fileId; create the file again");
      const checked = checkChain(upload, body.sha256?.toLowerCase());
      if (typeof checked === "string") return sendKoodriveError(res, KOODRIVE_ERRORS.FILE_COMPLETE_CHECK_FAILURE, `${checked}; upload the whole file again`);
      upload.completed = true;
      const paths = [...upload.stored.values()].sort((a, b) => a.partNumber - b.partNumber).map((p) => p.path);
      const stored = await state.ctx.store.assemble({
        vendor: "koodrive",
        bucket: state.bucket,
        key: upload.objectKey,
        parts: paths,
        contentType: upload.mimeType,
        known: { sha256: checked.digest },
      });
      if (stored.size !== upload.length) return sendKoodriveError(res, KOODRIVE_ERRORS.INNER_INVOKE_FAILURE, "the assembled object has an unexpected size");
      sendJson(res, 200, { code: 0, msg: "success." });
    },
  );
}

/** The verified chain (its digest is the SHA-256 of the part bytes as stored), or what is wrong with it. */
function checkChain(upload: KoodriveUpload, completeSha256: string | undefined): { digest: string } | string {
  if (completeSha256 && upload.sha256 && completeSha256 !== upload.sha256) return "sha256 differs from the one given at create";
  const parts = [...upload.stored.values()];
  for (const part of parts) {
    const declared = upload.declared.get(part.partNumber);
    if (!declared || declared.partSize !== part.size || !sameState(declared.claimed, part.claimed)) {
      return `part ${part.partNumber} was declared again after it was uploaded`;
    }
  }
  const result = verifyChain(parts, completeSha256 ?? upload.sha256);
  if (!result.ok) return result.reason;
  if (result.size !== upload.length) return `the parts hold ${result.size} bytes but the file length is ${upload.length}`;
  return result;
}
