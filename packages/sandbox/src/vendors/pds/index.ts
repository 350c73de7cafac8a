import type { OssCredentials } from "../../storage/pds-oss-signature.js";
import type { VendorDescriptor } from "../../types.js";
import { pdsCompleteRoute } from "./complete.js";
import { pdsCreateRoute } from "./create.js";
import { pdsGetUploadUrlRoute } from "./get-upload-url.js";
import { pdsListPartsRoute } from "./list-parts.js";
import { pdsPartPutRoute } from "./part-put.js";
import type { PdsState } from "./uploads.js";

export interface PdsOptions {
  /** Key of the sandbox OSS node that signs part URLs; random per sandbox unless given (tests pass their own). */
  oss?: OssCredentials;
}

/** Alibaba PDS: create / get_upload_url / list_uploaded_parts / complete plus the OSS-style storage node. */
export function createPdsVendor(options: PdsOptions = {}) {
  return {
    name: "pds",
    start(ctx) {
      const state: PdsState = {
        ctx,
        token: ctx.randomId(16),
        driveId: String(parseInt(ctx.randomId(3), 16)),
        domainId: `sandbox${ctx.randomId(2)}`,
        oss: options.oss ?? { accessKeyId: `LTAI${ctx.randomId(8)}`, accessKeySecret: ctx.randomId(15) },
        bucket: "pds-sandbox",
        byUploadId: new Map(),
        names: new Set(),
      };
      return {
        routes: [pdsCreateRoute(state), pdsGetUploadUrlRoute(state), pdsListPartsRoute(state), pdsCompleteRoute(state), pdsPartPutRoute(state)],
        info: () => ({ baseUrl: ctx.baseUrl(), token: state.token, driveId: state.driveId, domainId: state.domainId }),
      };
    },
  } as const satisfies VendorDescriptor;
}

export const pdsVendor = createPdsVendor();
