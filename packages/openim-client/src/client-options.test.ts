import { describeClientOptions } from "../../client-core/test/client-options-contract.js";
import { createOpenimClient } from "./index.js";

describeClientOptions({
  vendor: "openim",
  options: { baseUrl: "http://127.0.0.1:10002", token: "openim-token-secret" },
  create: createOpenimClient,
  required: ["token"],
  providers: { options: ["token"], call: (client) => client.initiateFormData({ name: "u1/a.png", size: 1 }) },
});
