import { verifyChain, type VerifiedChain } from "../../midstate/chain.js";
import { sameState } from "../../midstate/hash-state.js";
import { isProblem, type Problem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { sendJson } from "../../server/replies.js";
import type { Route } from "../../types.js";
import { koodriveApi } from "./api.js";
import type { KoodriveCaller } from "./auth.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";
import type { KoodriveState, KoodriveUpload } from "./uploads.js";

/**
 * POST files/complete: checks the midstate chain of the stored parts (1..n present, contiguous 64-aligned offsets,
 * each end state equal to the next part's claimed state), that they add up to the file length, and that the
 * finished SHA-256 equals the declared one; then assembles the object. Any mismatch is 13000402. A serial upload's
 * parts were hashed in order as they arrived, so the same chain is the SHA-256 of the parts in order, and it must
 * equal a declared sha256: nothing else checks its content.
 */
export function completeFileRoute(state: KoodriveState): Route {
  return jsonApiRoute<{ fileId: string; sha256?: string }, KoodriveCaller>(koodriveApi(state), {
    path: "/koodrive/ose/v1/files/complete",
    key: "koodrive.complete",
    operationId: "completeFile",
    async handle({ body, res }) {
      const upload = state.byFileId.get(body.fileId);
      if (!upload || upload.completed) return koodriveProblem(KOODRIVE_ERRORS.NOT_EXIST_UPLOAD_TASK, "no upload task for this fileId; create the file again");
      const chain = checkChain(upload, body.sha256?.toLowerCase());
      if (isProblem(chain)) return chain;
      upload.completed = true;
      const paths = [...upload.stored.values()].sort((a, b) => a.partNumber - b.partNumber).map((p) => p.path);
      const stored = await state.ctx.store.assemble({
        vendor: "koodrive",
        bucket: state.bucket,
        key: upload.objectKey,
        parts: paths,
        contentType: upload.mimeType,
        known: { sha256: chain.digest },
      });
      if (stored.size !== upload.length) return koodriveProblem(KOODRIVE_ERRORS.INNER_INVOKE_FAILURE, "the assembled object has an unexpected size");
      state.names.set(upload.fileName, { fileId: upload.fileId, sha256: stored.sha256 });
      await state.contents.add(stored);
      sendJson(res, 200, { code: 0, msg: "success." });
    },
  });
}

/** The verified chain (its digest is the SHA-256 of the part bytes as stored), or the 13000402 Problem. */
function checkChain(upload: KoodriveUpload, completeSha256: string | undefined): VerifiedChain | Problem {
  const broken = (reason: string) => koodriveProblem(KOODRIVE_ERRORS.FILE_COMPLETE_CHECK_FAILURE, `${reason}; upload the whole file again`);
  if (completeSha256 && upload.sha256 && completeSha256 !== upload.sha256) return broken("sha256 differs from the one given at create");
  if (upload.mode === "serial" && !(completeSha256 ?? upload.sha256)) {
    return koodriveProblem(KOODRIVE_ERRORS.PARAMETER_INVALID, "a serial upload needs the whole-file sha256 at create or complete");
  }
  const parts = [...upload.stored.values()];
  for (const part of parts) {
    const declared = upload.declared.get(part.partNumber);
    if (!declared || declared.partSize !== part.size || (declared.claimed && !sameState(declared.claimed, part.claimed))) {
      return broken(`part ${part.partNumber} was declared again after it was uploaded`);
    }
  }
  const chain = verifyChain(parts, completeSha256 ?? upload.sha256, broken);
  if (isProblem(chain)) return chain;
  if (chain.size !== upload.length) return broken(`the parts hold ${chain.size} bytes but the file length is ${upload.length}`);
  return chain;
}
