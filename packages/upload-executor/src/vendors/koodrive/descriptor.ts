import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { defineVendor } from "../descriptor.js";
import { flowPartSizing } from "../multipart-flow.js";
import { KOODRIVE_PART_SIZING } from "./koodrive-parts.js";
import { uploadToKoodrive } from "./koodrive.js";

export const koodriveVendor = /* @__PURE__ */ defineVendor({
  name: "koodrive",
  displayName: "KooDrive",
  settings: [
    { key: "token", env: "KOODRIVE_TOKEN", description: "token", required: true, secret: true },
    { key: "userId", env: "KOODRIVE_USER_ID", description: "user id", required: true },
    { key: "flash", description: "flash upload: hash the whole file before create", choices: ["on", "off"] },
    { key: "uploadMode", description: "upload mode (serial: parts in order without hashCtx)", choices: ["parallel", "serial"] },
  ],
  partSizing: flowPartSizing(KOODRIVE_PART_SIZING),
  connect(endpoint, { token, userId, flash, uploadMode }) {
    const client = createKoodriveClient({ baseUrl: endpoint, userId, auth: { type: "bearer", token } });
    return (options) => uploadToKoodrive({ ...options, client, ...(flash ? { flash: flash === "on" } : {}), ...(uploadMode ? { mode: uploadMode } : {}) });
  },
});
