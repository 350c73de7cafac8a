import { describe, expect, it } from "vitest";
import { sandboxConnection } from "./sandbox-connection.js";

describe("sandboxConnection", () => {
  it("puts settings with a variable in env lines, the others in the flags, and skips vendors the sandbox lacks", () => {
    const connections = sandboxConnection({
      hbr: {
        baseUrl: "http://127.0.0.1:7/hbr",
        accessKeyId: "ak",
        accessKeySecret: "sk",
        region: "cn-sandbox",
        ossEndpoint: "http://127.0.0.1:7/storage/oss",
        endpoint: "127.0.0.1:7",
      },
      pds: { token: "no-base-url" },
    });
    expect(connections).toEqual([
      {
        vendor: "hbr",
        endpoint: "http://127.0.0.1:7/hbr",
        env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk", ALIBABA_CLOUD_REGION_ID: "cn-sandbox" },
        args: ["--vendor", "hbr", "--endpoint", "http://127.0.0.1:7/hbr", "--oss-endpoint", "http://127.0.0.1:7/storage/oss"],
        argsWithCredentials: [
          ...["--vendor", "hbr", "--endpoint", "http://127.0.0.1:7/hbr", "--oss-endpoint", "http://127.0.0.1:7/storage/oss"],
          ...["--access-key-id", "ak", "--access-key-secret", "sk", "--region", "cn-sandbox"],
        ],
      },
    ]);
  });
});
