import { createPdsClient } from "@direct-upload/pds-client";
import { defineVendor } from "../descriptor.js";
import { flowPartSizing } from "../multipart-flow.js";
import { PDS_PART_SIZING } from "./pds-parts.js";
import { uploadToPds } from "./pds.js";

export const pdsVendor = /* @__PURE__ */ defineVendor({
  name: "pds",
  displayName: "PDS",
  settings: [
    { key: "token", env: "PDS_TOKEN", description: "token", required: true, requiredUnless: "shareToken", secret: true },
    { key: "driveId", env: "PDS_DRIVE_ID", description: "drive id", required: true, requiredUnless: "shareId" },
    { key: "shareId", env: "PDS_SHARE_ID", description: "share link id, instead of the drive (with its share token)" },
    { key: "shareToken", env: "PDS_SHARE_TOKEN", description: "share link token (x-share-token; replaces the token)", secret: true },
    { key: "hash", description: "content hash", choices: ["sha1", "sha256"] },
    { key: "onConflict", description: "handling of an existing name", choices: ["ignore", "auto_rename", "refuse", "overwrite", "skip"] },
    { key: "rapid", description: "rapid upload (auto: pre-hash, full hash on a match)", choices: ["auto", "off"] },
    { key: "uploadMode", description: "upload mode (parallel falls back to serial where unsupported)", choices: ["parallel", "serial"] },
  ],
  partSizing: flowPartSizing(PDS_PART_SIZING),
  connect(endpoint, { token, driveId, shareId, shareToken, hash, onConflict, rapid, uploadMode }) {
    const client = createPdsClient({ baseUrl: endpoint, ...(token ? { token } : {}), ...(shareToken ? { shareToken } : {}) });
    const location = shareId ? { shareId } : { driveId };
    return (options) =>
      uploadToPds({
        ...options,
        client,
        ...location,
        ...(hash ? { hash } : {}),
        ...(onConflict ? { onConflict } : {}),
        ...(rapid ? { rapid } : {}),
        ...(uploadMode ? { mode: uploadMode } : {}),
      });
  },
});
