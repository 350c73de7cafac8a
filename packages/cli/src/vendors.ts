// The one place that knows each vendor's client and executor flow: adapting to an API change is a change here.
import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { createHbrClient } from "@direct-upload/hbr-client";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { createOpenimClient } from "@direct-upload/openim-client";
import { createPdsClient } from "@direct-upload/pds-client";
import {
  pathStyleOssUrl,
  uploadToCloudbase,
  uploadToHbr,
  uploadToKoodrive,
  uploadToOpenim,
  uploadToPds,
  type FlowOptions,
  type UploadResult,
} from "@direct-upload/upload-executor";
import type { UploadSettings } from "./settings.js";

/** Uploads one source with the vendor, client and options chosen on the command line. */
export type VendorUpload = (options: FlowOptions) => Promise<UploadResult>;

export function createVendorUpload(settings: UploadSettings): VendorUpload {
  const baseUrl = settings.endpoint;
  const need = (key: keyof UploadSettings["credentials"]): string => {
    const value = settings.credentials[key];
    // resolveSettings() already refused a missing required credential; this only narrows the type.
    if (value === undefined) throw new TypeError(`missing ${key} for ${settings.vendor}`);
    return value;
  };

  switch (settings.vendor) {
    case "openim": {
      const client = createOpenimClient({ baseUrl, token: need("token") });
      const userId = settings.credentials.userId;
      return (options) => uploadToOpenim({ ...options, client, ...(userId ? { objectName: `${userId}/${options.source.name}` } : {}) });
    }
    case "cloudbase": {
      const client = createCloudbaseClient({ baseUrl, token: need("token") });
      return (options) => uploadToCloudbase({ ...options, client, objectId: options.source.name });
    }
    case "koodrive": {
      const client = createKoodriveClient({ baseUrl, userId: need("userId"), auth: { type: "bearer", token: need("token") } });
      return (options) => uploadToKoodrive({ ...options, client });
    }
    case "hbr": {
      const region = settings.credentials.region;
      const client = createHbrClient({
        baseUrl,
        accessKeyId: need("accessKeyId"),
        accessKeySecret: need("accessKeySecret"),
        ...(region ? { regionId: region } : {}),
      });
      // Path style (`{base}/{bucket}/`) is what local OSS emulators and the sandbox serve.
      const storageUrl = settings.ossUrlStyle === "path" ? pathStyleOssUrl(settings.ossEndpoint) : undefined;
      return (options) => uploadToHbr({ ...options, client, ...(storageUrl ? { storageUrl } : {}) });
    }
    case "pds": {
      const client = createPdsClient({ baseUrl, token: need("token") });
      return (options) => uploadToPds({ ...options, client, driveId: need("driveId"), ...(settings.hash ? { hash: settings.hash } : {}) });
    }
  }
}
