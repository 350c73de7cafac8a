import { createOpenimClient } from "@direct-upload/openim-client";
import { defineVendor } from "../descriptor.js";
import { OPENIM_MODES, uploadToOpenim } from "./openim.js";

export const openimVendor = /* @__PURE__ */ defineVendor({
  name: "openim",
  displayName: "OpenIM",
  settings: [
    { key: "token", env: "OPENIM_TOKEN", description: "token", required: true, secret: true },
    // A user token may only write under its own ID ("{userID}/{file}"); admin tokens need none.
    { key: "userId", env: "OPENIM_USER_ID", description: "user whose folder gets the file" },
    { key: "openimMode", env: "OPENIM_MODE", description: "upload path (auto: multipart above 5 MiB)", choices: OPENIM_MODES },
  ],
  connect(endpoint, { token, userId, openimMode }) {
    const client = createOpenimClient({ baseUrl: endpoint, token });
    return (options) => uploadToOpenim({ ...options, client, ...(userId ? { name: `${userId}/${options.source.name}` } : {}), ...(openimMode ? { mode: openimMode } : {}) });
  },
});
