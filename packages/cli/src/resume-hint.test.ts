import { hbrVendor } from "@direct-upload/upload-executor";
import { describe, expect, it } from "vitest";
import { resumeCommand } from "./resume-hint.js";
import type { UploadSettings } from "./settings.js";

describe("resumeCommand", () => {
  it("repeats the command for the files left, with secrets as environment references", () => {
    const settings: UploadSettings = {
      vendor: hbrVendor,
      endpoint: "http://127.0.0.1:9000",
      files: [],
      values: { accessKeyId: "LTAIexampleid", accessKeySecret: "very-secret-value", region: "cn-hangzhou", ossUrlStyle: "path" },
      secrets: ["LTAIexampleid", "very-secret-value"],
      concurrency: 4,
      partSize: undefined,
      timeoutMs: undefined,
      checkpoint: "/tmp/up.json",
      json: false,
    };
    const command = resumeCommand(settings, [{ arg: "my file.bin", path: "/data/my file.bin", size: 1 }]);
    expect(command).toBe(
      `direct-upload upload 'my file.bin' --vendor hbr --endpoint http://127.0.0.1:9000 --access-key-id "$ALIBABA_CLOUD_ACCESS_KEY_ID" --access-key-secret "$ALIBABA_CLOUD_ACCESS_KEY_SECRET" --region cn-hangzhou --oss-url-style path --concurrency 4 --checkpoint /tmp/up.json`,
    );
    for (const secret of settings.secrets) expect(command).not.toContain(secret);
  });
});
