import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { describe, expect, it } from "vitest";
import { progressLog } from "../../../test/helpers/progress-log.js";
import { blobOnlySource, sandbox, storedDuring, testFile, xhrEngine as engine } from "../../../test/helpers/browser-files.js";
import { uploadToKoodrive } from "./koodrive.js";

const MiB = 1024 * 1024;

describe("the KooDrive multipart flow in Chromium with the XHR transport", { timeout: 60_000 }, () => {
  it("uploads a File in 5 MiB parts chained by SHA-256 states", async () => {
    const kd = sandbox.vendors["koodrive"]!;
    const client = createKoodriveClient({ baseUrl: kd["baseUrl"]!, userId: kd["userId"]!, auth: { type: "bearer", token: kd["token"]! } });
    const size = 12 * MiB + 4321; // parts of 5 MiB, 5 MiB and a tail that is no multiple of 64
    const { file, sha256 } = await testFile(size, "clip.bin");
    const { source, mainThreadReads } = blobOnlySource(file);
    const log = progressLog();

    const { result, stored } = await storedDuring(size, () => uploadToKoodrive({ client, source, partSize: 5 * MiB, concurrency: 2, onProgress: log.onProgress, engine }));
    expect(result).toMatchObject({ vendor: "koodrive", name: "clip.bin", bytes: size, sha256, vendorDigest: { algorithm: "sha256", hex: sha256 } });
    expect(stored.sha256).toBe(sha256);
    expect(mainThreadReads).toEqual([]);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });
});
