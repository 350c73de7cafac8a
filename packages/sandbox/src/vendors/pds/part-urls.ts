import { presignOssPartUrl } from "../../storage/pds-oss-signature.js";
import { ctxField, type PdsDeclaredPart, type PdsState, type PdsUpload } from "./uploads.js";

/** Route key whose URL lifetime the expire-urls fault shortens. */
export const PDS_PART_PUT_KEY = "pds.part-put";
const NORMAL_TTL_SECONDS = 900;

/** UploadPartInfo for one declared part: a fresh OSS-presigned PUT URL, plus the echoed context. */
export function issuePdsPartUrl(state: PdsState, upload: PdsUpload, part: PdsDeclaredPart) {
  const expires = Math.floor(state.ctx.now() / 1000) + state.ctx.urlTtl(PDS_PART_PUT_KEY, NORMAL_TTL_SECONDS);
  const uploadUrl = presignOssPartUrl({
    credentials: state.oss,
    baseUrl: state.ctx.baseUrl(),
    bucket: state.bucket,
    key: upload.objectKey,
    partNumber: part.partNumber,
    uploadId: upload.uploadId,
    expires,
    contentType: part.contentType,
  });
  return {
    part_number: part.partNumber,
    upload_url: uploadUrl,
    internal_upload_url: uploadUrl,
    ...(part.contentType === undefined ? {} : { content_type: part.contentType }),
    ...(part.ctx ? { [ctxField(upload.algorithm)]: part.ctx } : {}),
  };
}
