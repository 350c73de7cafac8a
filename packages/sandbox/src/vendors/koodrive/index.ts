import { ContentIndex } from "../../storage/content-index.js";
import type { ObsCredentials } from "../../storage/obs-sigv4.js";
import type { VendorDescriptor } from "../../types.js";
import { completeFileRoute } from "./complete.js";
import { createFileRoute } from "./create.js";
import { partPutRoute } from "./part-put.js";
import { uploadUrlRoute } from "./upload-url.js";
import type { KoodriveState } from "./uploads.js";

export interface KoodriveOptions {
  /** Key of the sandbox OBS node that signs part URLs; random per sandbox unless given (tests pass their own). */
  obs?: ObsCredentials;
}

/** Huawei KooDrive: create / uploadUrl / complete API plus the OBS-style storage node the part URLs point to. */
export function createKoodriveVendor(options: KoodriveOptions = {}) {
  return {
    name: "koodrive",
    start(ctx) {
      const bucket = "koodrive-sandbox";
      const state: KoodriveState = {
        ctx,
        token: ctx.randomId(16),
        userId: ctx.randomId(8),
        appId: ctx.randomId(8),
        appSecret: ctx.randomId(16),
        obs: options.obs ?? { accessKeyId: ctx.randomId(10).toUpperCase(), secretAccessKey: ctx.randomId(20), region: "sandbox-1" },
        bucket,
        byFileId: new Map(),
        byUploadId: new Map(),
        names: new Map(),
        contents: new ContentIndex(ctx.store, { vendor: "koodrive", bucket, key: "flash/empty" }),
        containerId: `C${ctx.randomId(8)}`,
      };
      return {
        routes: [createFileRoute(state), uploadUrlRoute(state), completeFileRoute(state), partPutRoute(state)],
        info: () => ({ baseUrl: ctx.baseUrl(), token: state.token, userId: state.userId, appId: state.appId, appSecret: state.appSecret }),
      };
    },
  } as const satisfies VendorDescriptor;
}

export const koodriveVendor = createKoodriveVendor();
