import { encodeHashCtx, HASH_CTX_PARAM } from "../../storage/obs-hash-ctx.js";
import { presignObsPartUrl } from "../../storage/obs-sigv4.js";
import type { DeclaredPart, KoodriveState, KoodriveUpload, UploadMode } from "./uploads.js";

/** Route key whose URL lifetime the expire-urls fault shortens. */
export const PART_PUT_KEY = "koodrive.part-put";
const NORMAL_TTL_SECONDS = 3600;

/** The MultiPartInfo echo for one declared part, with a fresh SigV4-presigned PUT URL carrying its hash context. */
async function issuePartUrl(state: KoodriveState, upload: KoodriveUpload, part: DeclaredPart) {
  const url = new URL(`${state.ctx.baseUrl()}/storage/obs/${state.bucket}/${upload.objectKey}`);
  url.searchParams.set("partNumber", String(part.partNumber));
  url.searchParams.set("uploadId", upload.uploadId);
  if (part.sentCtx && part.claimed) url.searchParams.set(HASH_CTX_PARAM, encodeHashCtx(part.claimed));
  const ttl = state.ctx.urlTtl(PART_PUT_KEY, NORMAL_TTL_SECONDS);
  // SigV4 needs X-Amz-Expires >= 1, so an already-expired URL (ttl <= 0) is signed in the past instead.
  const expiresIn = Math.max(ttl, 1);
  const signingDate = new Date(state.ctx.now() + (ttl - expiresIn) * 1000);
  const uploadUrl = await presignObsPartUrl({ credentials: state.obs, url, contentLength: part.partSize, signingDate, expiresIn });
  return {
    partNumber: part.partNumber,
    partSize: part.partSize,
    ...(part.claimed ? { partOffset: part.claimed.offset } : {}),
    ...(part.sentCtx && part.claimed ? { hashCtx: [...part.claimed.h] } : {}),
    uploadUrl,
    partId: `${upload.uploadId}-${part.partNumber}`,
  };
}

/** Records the declarations (a re-declared part replaces the old one) and the mode they fix, and issues their URLs. */
export async function declareAndIssue(state: KoodriveState, upload: KoodriveUpload, { declared, mode }: { declared: readonly DeclaredPart[]; mode: UploadMode | undefined }) {
  upload.mode = mode;
  for (const part of declared) upload.declared.set(part.partNumber, part);
  return Promise.all(declared.map((part) => issuePartUrl(state, upload, part)));
}
