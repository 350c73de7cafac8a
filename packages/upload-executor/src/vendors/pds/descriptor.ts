import { createPdsClient } from "@direct-upload/pds-client";
import { defineVendor } from "../descriptor.js";
import { flowPartSizing } from "../multipart-flow.js";
import { PDS_PART_SIZING } from "./pds-parts.js";
import { uploadToPds } from "./pds.js";

export const pdsVendor = /* @__PURE__ */ defineVendor({
  name: "pds",
  displayName: "PDS",
  settings: [
    { key: "token", env: "PDS_TOKEN", description: "token", required: true, secret: true },
    { key: "driveId", env: "PDS_DRIVE_ID", description: "drive id", required: true },
    { key: "hash", description: "content hash", choices: ["sha1", "sha256"] },
    { key: "onConflict", description: "handling of an existing name", choices: ["ignore", "auto_rename", "refuse", "overwrite", "skip"] },
    { key: "rapid", description: "rapid upload (auto: pre-hash, full hash on a match)", choices: ["auto", "off"] },
    { key: "uploadMode", description: "upload mode (parallel falls back to serial where unsupported)", choices: ["parallel", "serial"] },
  ],
  partSizing: flowPartSizing(PDS_PART_SIZING),
  connect(endpoint, { token, driveId, hash, onConflict, rapid, uploadMode }) {
    const client = createPdsClient({ baseUrl: endpoint, token });
    return (options) => uploadToPds({ ...options, client, driveId, ...(hash ? { hash } : {}), ...(onConflict ? { onConflict } : {}), ...(rapid ? { rapid } : {}), ...(uploadMode ? { mode: uploadMode } : {}) });
  },
});
