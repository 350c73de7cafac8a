import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { describe, expect, it } from "vitest";
import { fromBlob } from "../../core/source.js";
import { progressLog } from "../../../test/helpers/progress-log.js";
import { sandbox, storedObject, testFile, xhrEngine as engine } from "../../../test/helpers/browser-files.js";
import { uploadManyToCloudbase, uploadToCloudbase } from "./cloudbase.js";
import { CLOUDBASE_BATCH_LIMIT } from "./cloudbase-batches.js";

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

describe("CloudBase batches in Chromium", { timeout: 120_000 }, () => {
  it.each([1, CLOUDBASE_BATCH_LIMIT, CLOUDBASE_BATCH_LIMIT + 1])("uploads a batch of %i Files", async (count) => {
    const cloudbase = sandbox.vendors["cloudbase"]!;
    const client = createCloudbaseClient({ baseUrl: cloudbase["baseUrl"]!, token: cloudbase["token"]! });
    const made = await Promise.all(Array.from({ length: count }, (_, i) => testFile(100 + i, `f${i}.bin`)));
    const files = made.map(({ file }, i) => ({ source: fromBlob(file), name: `browser-batch-${count}/${i}.bin` }));
    const items = await uploadManyToCloudbase({ client, files, concurrency: 8, engine });
    expect(items.every((item) => item.ok)).toBe(true);
    const last = count - 1;
    expect(await storedObject(cloudbase["bucket"]!, `browser-batch-${count}/${last}.bin`)).toMatchObject({ size: 100 + last, sha256: made[last]!.sha256 });
  });
});
