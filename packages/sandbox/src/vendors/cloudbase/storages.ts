import { cosAuthorization } from "../../storage/cos-signature.js";
import { downloadUrls, objectUrl } from "./download.js";
import { INVALID_PARAM, OBJECT_NOT_EXIST } from "./gateway.js";
import type { ItemHandler } from "./items-route.js";
import type { CloudbaseState } from "./state.js";

const UPLOAD_TTL_SECONDS = 900;

/** get-objects-upload-info: a COS PUT authorization, security token and file meta for one object. */
export const uploadInfo: ItemHandler = async ({ ctx, bucket, envId, cos, issued }, item) => {
  const objectId = item["objectId"] as string;
  ctx.store.resolve(bucket, objectId);
  const host = new URL(ctx.baseUrl()).host;
  const grant = { token: ctx.randomId(24), meta: `HEAD:${ctx.randomId(20)}` };
  issued.set(objectId, grant);
  const signed: Record<string, string> = { host, "x-cos-meta-fileid": grant.meta, "x-cos-security-token": grant.token };
  for (const [name, values] of Object.entries((item["signedHeader"] ?? {}) as Record<string, string[]>)) signed[name.toLowerCase()] = values.join(",");
  const start = Math.floor(ctx.now() / 1000);
  const keyTime = `${start};${start + ctx.urlTtl("cloudbase.get-objects-upload-info", UPLOAD_TTL_SECONDS)}`;
  return {
    objectId,
    uploadUrl: objectUrl(ctx, bucket, objectId),
    authorization: cosAuthorization({ ...cos, method: "PUT", pathname: `/${objectId}`, headers: signed, keyTime }),
    token: grant.token,
    cloudObjectMeta: grant.meta,
    ...downloadUrls(ctx, bucket, objectId, cos.secretKey),
    cloudObjectId: `cloud://${envId}.${bucket}/${objectId}`,
  };
};

/** get-objects-download-info: fresh download links for a stored object. */
export const downloadInfo: ItemHandler = async (state, item) => {
  const cloudObjectId = item["cloudObjectId"] as string;
  const key = parseCloudObjectId(state, cloudObjectId);
  if (key === undefined) return { ...INVALID_PARAM };
  if (!state.ctx.store.get(state.bucket, key)) return { ...OBJECT_NOT_EXIST };
  return { cloudObjectId, ...downloadUrls(state.ctx, state.bucket, key, state.cos.secretKey) };
};

/** delete-objects: removes one stored object. */
export const deleteObject: ItemHandler = async (state, item) => {
  const cloudObjectId = item["cloudObjectId"] as string;
  const key = parseCloudObjectId(state, cloudObjectId);
  if (key === undefined) return { cloudObjectId, ...INVALID_PARAM };
  const deleted = state.ctx.store.get(state.bucket, key) !== undefined && (await state.ctx.store.delete?.(state.bucket, key));
  return deleted ? { cloudObjectId } : { cloudObjectId, ...OBJECT_NOT_EXIST };
};

/** `cloud://{envId}.{bucket}/{path}` of this environment; anything else (other env, traversal) is undefined. */
function parseCloudObjectId({ ctx, envId, bucket }: CloudbaseState, id: string): string | undefined {
  const prefix = `cloud://${envId}.${bucket}/`;
  if (!id.startsWith(prefix)) return undefined;
  const key = id.slice(prefix.length);
  ctx.store.resolve(bucket, key);
  return key;
}
