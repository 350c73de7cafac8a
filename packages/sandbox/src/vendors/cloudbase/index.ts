import { randomBytes } from "node:crypto";
import { cosPutObjectRoute } from "../../storage/cos-put-object.js";
import type { VendorDescriptor } from "../../types.js";
import { cosDownloadRoute } from "./download.js";
import { itemsRoute } from "./items-route.js";
import type { CloudbaseState } from "./state.js";
import { deleteObject, downloadInfo, uploadInfo } from "./storages.js";

export interface CloudbaseOptions {
  /** COS key pair behind the issued authorizations; random per sandbox unless given (signature tests pass their own). */
  cos?: { secretId: string; secretKey: string };
  /** Most items per call (default CLOUDBASE_SANDBOX_BATCH_LIMIT); CloudBase does not publish its limit. */
  batchLimit?: number;
}

/** The sandbox's batch limit: the executor's documented default, so a default batch fits and a larger one is split. */
export const CLOUDBASE_SANDBOX_BATCH_LIMIT = 100;

/** Tencent CloudBase storage HTTP API (`/cloudbase/v1/storages/*`) plus its COS bucket (`/storage/cos/{bucket}/{key}`). */
export function createCloudbaseVendor(options: CloudbaseOptions = {}) {
  return {
    name: "cloudbase",
    start(ctx) {
      const state: CloudbaseState = {
        ctx,
        envId: `sandbox-${ctx.randomId(3)}`,
        bucket: `${ctx.randomId(4)}-sandbox-1250000000`,
        token: randomBytes(24).toString("base64url"),
        cos: options.cos ?? { secretId: `AKID${ctx.randomId(14)}`, secretKey: ctx.randomId(16) },
        issued: new Map(),
        batchLimit: options.batchLimit ?? CLOUDBASE_SANDBOX_BATCH_LIMIT,
      };
      return {
        routes: [
          itemsRoute(state, "get-objects-upload-info", "getObjectsUploadInfo", uploadInfo),
          itemsRoute(state, "get-objects-download-info", "getObjectsDownloadInfo", downloadInfo),
          itemsRoute(state, "delete-objects", "deleteObjects", deleteObject),
          cosPutObjectRoute(ctx, {
            vendor: "cloudbase",
            key: "cloudbase.cos-put",
            path: "/storage/cos",
            buckets: [state.bucket],
            access: { ...state.cos, issued: (_bucket, key) => state.issued.get(key) },
          }),
          cosDownloadRoute(ctx, state.bucket, state.cos.secretKey),
        ],
        info: () => ({ baseUrl: `${ctx.baseUrl()}/cloudbase`, envId: state.envId, token: state.token, bucket: state.bucket }),
      };
    },
  } as const satisfies VendorDescriptor;
}

export const cloudbaseVendor = createCloudbaseVendor();
