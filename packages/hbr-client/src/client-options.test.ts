import { describeClientOptions } from "../../client-core/test/client-options-contract.js";
import { createHbrClient } from "./index.js";

// HBR takes no credential providers (AccessKey pairs are static), so there is no call-time case.
describeClientOptions({
  vendor: "hbr",
  options: {
    baseUrl: "https://hbr.cn-shanghai.aliyuncs.com",
    accessKeyId: "LTAI-access-key-id",
    accessKeySecret: "hbr-access-key-secret",
    securityToken: "hbr-sts-token-secret",
  },
  create: createHbrClient,
  required: ["accessKeyId", "accessKeySecret"],
  optional: ["securityToken"],
});
