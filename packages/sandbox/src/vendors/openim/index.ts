import { randomBytes } from "node:crypto";
import { s3PostObjectRoute } from "../../storage/s3-post-object.js";
import type { VendorDescriptor } from "../../types.js";
import { OPENIM_BUCKET, type OpenimState } from "./api.js";
import { completeFormDataRoute } from "./complete.js";
import { initiateFormDataRoute } from "./initiate.js";
import { multipartRoutes } from "./multipart.js";

/** OpenIM third service (`/openim/object/*`) backed by its default MinIO storage (`/storage/minio/openim`). */
export const openimVendor = {
  name: "openim",
  start(ctx) {
    const jwtLike = () => [12, 24, 16].map((n) => randomBytes(n).toString("base64url")).join(".");
    const userId = `u${randomBytes(4).readUInt32BE() % 1_000_000}`;
    const userToken = jwtLike();
    const adminToken = jwtLike();
    const state: OpenimState = {
      ctx,
      tokens: new Map([
        [userToken, { userId, admin: false }],
        [adminToken, { userId: "imAdmin", admin: true }],
      ]),
      // OpenIM's MinIO is the sandbox S3 endpoint: forms and signed parts use its key.
      minio: ctx.s3.keys,
    };
    ctx.s3.addBucket(OPENIM_BUCKET);
    return {
      routes: [
        initiateFormDataRoute(state),
        completeFormDataRoute(state),
        ...multipartRoutes(state),
        s3PostObjectRoute(ctx, { vendor: "openim", key: "openim.storage-post", path: "/storage/minio/:bucket", credentials: state.minio, buckets: [OPENIM_BUCKET] }),
      ],
      info: () => ({
        baseUrl: `${ctx.baseUrl()}/openim`,
        token: userToken,
        userId,
        adminToken,
        adminUserId: "imAdmin",
        storageUrl: `${ctx.baseUrl()}/storage/minio/${OPENIM_BUCKET}`,
        minioUrl: ctx.s3.url(),
      }),
    };
  },
} as const satisfies VendorDescriptor;
