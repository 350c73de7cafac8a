import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { describe, expect, it } from "vitest";
import { fromBlob } from "../../core/source.js";
import { progressLog } from "../../../test/helpers/progress-log.js";
import { sandbox, storedObject, testFile, xhrEngine as engine } from "../../../test/helpers/browser-files.js";
import { uploadToCloudbase } from "./cloudbase.js";

describe("the CloudBase PUT flow in Chromium with the XHR transport", () => {
  it("uploads a File", async () => {
    const cloudbase = sandbox.vendors["cloudbase"]!;
    const client = createCloudbaseClient({ baseUrl: cloudbase["baseUrl"]!, token: cloudbase["token"]! });
    const { file, sha256 } = await testFile(200_065, "doc.bin");
    const log = progressLog();
    const result = await uploadToCloudbase({ client, source: fromBlob(file), name: "browser/doc.bin", onProgress: log.onProgress, engine });
    expect(result.sha256).toBe(sha256);
    expect(await storedObject(cloudbase["bucket"]!, "browser/doc.bin")).toMatchObject({ size: file.size, sha256 });
    expect(log.events.at(-1)).toEqual({ loaded: file.size, total: file.size });
  });
});
