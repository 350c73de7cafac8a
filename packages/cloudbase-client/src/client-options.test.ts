import { describeClientOptions } from "../../client-core/test/client-options-contract.js";
import { createCloudbaseClient } from "./index.js";

describeClientOptions({
  vendor: "cloudbase",
  options: { baseUrl: "https://env-1.api.tcloudbasegateway.com", token: "cloudbase-token-secret" },
  create: createCloudbaseClient,
  required: ["token"],
  providers: { options: ["token"], call: (client) => client.getObjectsUploadInfo([{ objectId: "a.png" }]) },
});
