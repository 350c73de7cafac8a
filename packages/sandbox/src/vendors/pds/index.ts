import type { OssCredentials } from "../../storage/pds-oss-signature.js";
import type { VendorDescriptor } from "../../types.js";
import { pdsCompleteRoute } from "./complete.js";
import { pdsCreateRoute } from "./create.js";
import { ContentIndex } from "../../storage/content-index.js";
import { pdsGetFileRoute } from "./get-file.js";
import { pdsGetUploadUrlRoute } from "./get-upload-url.js";
import { pdsListPartsRoute } from "./list-parts.js";
import { pdsPartPutRoute } from "./part-put.js";
import type { PdsState } from "./uploads.js";

export interface PdsOptions {
  /** Key of the sandbox OSS node that signs part URLs; random per sandbox unless given (tests pass their own). */
  oss?: OssCredentials;
  /** false models a domain without parallel upload: create with `parallel_upload: true` is refused (default true). */
  parallelUpload?: boolean;
}

/** Alibaba PDS: create / get_upload_url / list_uploaded_parts / complete / get plus the OSS-style storage node. */
export function createPdsVendor(options: PdsOptions = {}) {
  return {
    name: "pds",
    start(ctx) {
      const bucket = "pds-sandbox";
      const state: PdsState = {
        ctx,
        token: ctx.randomId(16),
        driveId: String(parseInt(ctx.randomId(3), 16)),
        domainId: `sandbox${ctx.randomId(2)}`,
        oss: options.oss ?? { accessKeyId: `LTAI${ctx.randomId(8)}`, accessKeySecret: ctx.randomId(15) },
        bucket,
        byUploadId: new Map(),
        files: new Map(),
        names: new Map(),
        contents: new ContentIndex(ctx.store, { vendor: "pds", bucket, key: "rapid/empty" }),
        parallelUpload: options.parallelUpload ?? true,
        shareId: ctx.randomId(6),
        shareToken: ctx.randomId(16),
      };
      return {
        routes: [pdsCreateRoute(state), pdsGetUploadUrlRoute(state), pdsListPartsRoute(state), pdsCompleteRoute(state), pdsGetFileRoute(state), pdsPartPutRoute(state)],
        info: () => ({ baseUrl: ctx.baseUrl(), token: state.token, driveId: state.driveId, domainId: state.domainId, shareId: state.shareId, shareToken: state.shareToken }),
      };
    },
  } as const satisfies VendorDescriptor;
}

export const pdsVendor = createPdsVendor();
