import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { defineVendor } from "../descriptor.js";
import { uploadToCloudbase } from "./cloudbase.js";

export const cloudbaseVendor = /* @__PURE__ */ defineVendor({
  name: "cloudbase",
  displayName: "CloudBase",
  settings: [{ key: "token", env: "CLOUDBASE_TOKEN", description: "token", required: true, secret: true }],
  connect(endpoint, { token }) {
    const client = createCloudbaseClient({ baseUrl: endpoint, token });
    return (options) => uploadToCloudbase({ ...options, client });
  },
});
