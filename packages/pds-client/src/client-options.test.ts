import { describeClientOptions } from "../../client-core/test/client-options-contract.js";
import { createPdsClient } from "./index.js";

describeClientOptions({
  vendor: "pds",
  options: { baseUrl: "https://bj1.api.aliyunpds.com", token: "pds-token-secret", shareToken: "pds-share-token-secret" },
  create: createPdsClient,
  required: ["token"],
  optional: ["shareToken"],
  providers: { options: ["token", "shareToken"], call: (client) => client.completeFile({ drive_id: "1", file_id: "f", upload_id: "u" }) },
});
