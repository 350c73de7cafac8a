import { ossPostObjectRoute } from "../../storage/oss-post-object.js";
import type { VendorDescriptor } from "../../types.js";
import type { HbrState } from "./state.js";
import { tempUploadUrlRoutes } from "./temp-upload-url.js";

export interface HbrOptions {
  /** Service key that signs the OSS forms; random per sandbox unless given (signature tests pass their own). */
  oss?: { accessKeyId: string; accessKeySecret: string };
}

/** Alibaba Cloud Backup (HBR) CreateTempFileUploadUrl (RPC at `/` and `/hbr`, ACS3-signed) plus the OSS temp bucket it points to. */
export function createHbrVendor(options: HbrOptions = {}) {
  return {
    name: "hbr",
    start(ctx) {
      const state: HbrState = {
        ctx,
        api: { accessKeyId: `LTAI${ctx.randomId(10)}`, accessKeySecret: ctx.randomId(15), now: ctx.now, nonces: new Map() },
        oss: options.oss ?? { accessKeyId: `LTAI${ctx.randomId(10)}`, accessKeySecret: ctx.randomId(15) },
        bucket: "hbr-temp-bucket",
        uid: String(1_000_000_000_000 + Number.parseInt(ctx.randomId(5), 16)),
      };
      return {
        routes: [...tempUploadUrlRoutes(state), ossPostObjectRoute(ctx, { vendor: "hbr", key: "hbr.oss-post", path: "/storage/oss", buckets: [state.bucket], ...state.oss })],
        info: () => ({
          baseUrl: `${ctx.baseUrl()}/hbr`,
          endpoint: new URL(ctx.baseUrl()).host,
          region: "cn-sandbox",
          accessKeyId: state.api.accessKeyId,
          accessKeySecret: state.api.accessKeySecret,
          ossEndpoint: `${ctx.baseUrl()}/storage/oss`,
        }),
      };
    },
  } as const satisfies VendorDescriptor;
}

export const hbrVendor = createHbrVendor();
