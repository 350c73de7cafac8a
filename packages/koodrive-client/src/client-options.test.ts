import { describeClientOptions } from "../../client-core/test/client-options-contract.js";
import { createKoodriveClient, type KoodriveClient } from "./index.js";

const baseUrl = "https://intl.myhuaweicloud-koodrive.com";
const complete = (client: KoodriveClient) => client.completeFile({ fileId: "f" });

describeClientOptions(
  {
    vendor: "koodrive",
    options: { baseUrl, userId: "1020304050607080", auth: { type: "bearer", token: "koodrive-token-secret" } },
    create: createKoodriveClient,
    required: ["userId", "auth.token"],
    providers: { options: ["auth.token"], call: complete },
  },
  "koodrive client options (bearer)",
);

describeClientOptions(
  {
    vendor: "koodrive",
    options: { baseUrl, userId: "1020304050607080", auth: { type: "app", appId: "app-7", appSecret: "koodrive-app-secret" } },
    create: createKoodriveClient,
    required: ["userId", "auth.appId", "auth.appSecret"],
  },
  "koodrive client options (app)",
);
