import { createPdsClient } from "@direct-upload/pds-client";
import { describe, expect, it } from "vitest";
import { progressLog } from "../../../test/helpers/progress-log.js";
import { blobOnlySource, sandbox, storedDuring, testFile, xhrEngine as engine } from "../../../test/helpers/browser-files.js";
import { uploadToPds } from "./pds.js";

const MiB = 1024 * 1024;

describe("the PDS multipart flow in Chromium with the XHR transport", { timeout: 60_000 }, () => {
  it("uploads a File in 1 MiB parts chained by SHA-1 contexts", async () => {
    const pds = sandbox.vendors["pds"]!;
    const client = createPdsClient({ baseUrl: pds["baseUrl"]!, token: pds["token"]! });
    const size = 3 * MiB + 777;
    const { file, sha256, sha1 } = await testFile(size, "notes.bin");
    const { source, mainThreadReads } = blobOnlySource(file);
    const log = progressLog();

    const { result, stored } = await storedDuring(size, () =>
      uploadToPds({ client, source, driveId: pds["driveId"]!, partSize: MiB, concurrency: 2, onProgress: log.onProgress, engine }),
    );
    expect(result).toMatchObject({ vendor: "pds", name: "notes.bin", bytes: size, sha256, vendorDigest: { algorithm: "sha1", hex: sha1 } });
    expect(stored.sha256).toBe(sha256);
    // The hash pass runs in the worker; the main thread reads only the 1 KiB pre_hash that create sends (rapid: "auto").
    expect(mainThreadReads).toEqual([[0, 1024]]);
    expect(log.monotonic()).toBe(true);
    expect(log.last()).toEqual({ loaded: size, total: size });
  });
});
