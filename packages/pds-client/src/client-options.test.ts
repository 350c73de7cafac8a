import { describeClientOptions } from "../../client-core/test/client-options-contract.js";
import { createPdsClient } from "./index.js";

const call = { call: (client: ReturnType<typeof createPdsClient>) => client.completeFile({ drive_id: "1", file_id: "f", upload_id: "u" }) };

// A drive upload needs the access token.
describeClientOptions({
  vendor: "pds",
  options: { baseUrl: "https://bj1.api.aliyunpds.com", token: "pds-token-secret" },
  create: createPdsClient,
  required: ["token"],
  providers: { options: ["token"], ...call },
});

// A share-link upload authenticates with the share token alone (an access token beside it is optional, client.test.ts).
describeClientOptions({
  vendor: "pds",
  options: { baseUrl: "https://bj1.api.aliyunpds.com", shareToken: "pds-share-token-secret" },
  create: createPdsClient,
  required: [],
  optional: ["shareToken"],
  providers: { options: ["shareToken"], ...call },
});
