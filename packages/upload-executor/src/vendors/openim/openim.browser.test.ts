import { createOpenimClient } from "@direct-upload/openim-client";
import { describe, expect, it } from "vitest";
import { fromBlob } from "../../core/source.js";
import { progressLog } from "../../../test/helpers/progress-log.js";
import { sandbox, storedObject, testFile, xhrEngine as engine } from "../../../test/helpers/browser-files.js";
import { uploadToOpenim } from "./openim.js";

describe("the OpenIM form flow in Chromium with the XHR transport", () => {
  it("uploads a File", async () => {
    const openim = sandbox.vendors["openim"]!;
    const client = createOpenimClient({ baseUrl: openim["baseUrl"]!, token: openim["token"]! });
    const { file, sha256 } = await testFile(300_001, "photo.png", "image/png");
    const log = progressLog();
    const result = await uploadToOpenim({ client, source: fromBlob(file), name: `${openim["userId"]}/photo.png`, onProgress: log.onProgress, engine });
    expect(result.sha256).toBe(sha256);
    expect(await storedObject("openim", result.key!)).toMatchObject({ size: file.size, sha256 });
    expect(log.events.every((e, i) => i === 0 || e.loaded >= log.events[i - 1]!.loaded)).toBe(true);
    expect(log.events.at(-1)).toEqual({ loaded: file.size, total: file.size });
  });
});

describe("the OpenIM multipart flow in Chromium with the XHR transport", { timeout: 120_000 }, () => {
  it("uploads an 11 MiB File in signed parts to the S3 endpoint, then finds it stored and sends nothing", async () => {
    const openim = sandbox.vendors["openim"]!;
    const client = createOpenimClient({ baseUrl: openim["baseUrl"]!, token: openim["token"]! });
    const { file, sha256 } = await testFile(11 * 1024 * 1024 + 3, "movie.mp4", "video/mp4");
    const log = progressLog();
    const result = await uploadToOpenim({ client, source: fromBlob(file), name: `${openim["userId"]}/movie.mp4`, concurrency: 2, onProgress: log.onProgress, engine });
    expect(result).toMatchObject({ sha256, key: expect.stringMatching(/^openim\/data\/hash\/[0-9a-f]{32}$/) });
    expect(result.rapid).toBeUndefined();
    expect(await storedObject("openim", result.key!)).toMatchObject({ size: file.size, sha256 });
    expect(log.events.every((e, i) => i === 0 || e.loaded >= log.events[i - 1]!.loaded)).toBe(true);
    expect(log.events.at(-1)).toEqual({ loaded: file.size, total: file.size });
    const again = await uploadToOpenim({ client, source: fromBlob(file), name: `${openim["userId"]}/movie-copy.mp4`, engine });
    expect(again).toMatchObject({ rapid: true, sha256 });
  });
});
