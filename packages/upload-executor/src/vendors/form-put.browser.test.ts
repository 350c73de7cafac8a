import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { createOpenimClient } from "@direct-upload/openim-client";
import { describe, expect, inject, it } from "vitest";
import { commands } from "vitest/browser";
import { fromBlob } from "../core/source.js";
import { createXhrTransport } from "../core/transport/xhr.js";
import type { BrowserSandbox } from "./testing/browser-sandbox.setup.js";
import { uploadToCloudbase } from "./cloudbase.js";
import { uploadToOpenim } from "./openim.js";

const sandbox: BrowserSandbox = inject("sandbox");
const engine = { transport: createXhrTransport() };

/** A File with deterministic content, and its SHA-256 from Web Crypto. */
async function testFile(size: number, name: string, type: string): Promise<{ file: File; sha256: string }> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >> 8) * 7) & 0xff;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return { file: new File([bytes], name, { type }), sha256: Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("") };
}

async function storedObject(bucket: string, key: string) {
  return (await commands.sandboxObjects(sandbox.url)).find((o) => o.bucket === bucket && o.key === key);
}

function progressLog() {
  const events: Array<{ loaded: number; total: number }> = [];
  return { events, onProgress: (p: { loaded: number; total: number }) => void events.push(p) };
}

describe("form and PUT flows in Chromium with the XHR transport", () => {
  it("uploads a File through the OpenIM form flow", async () => {
    const openim = sandbox.vendors["openim"]!;
    const client = createOpenimClient({ baseUrl: openim["baseUrl"]!, token: openim["token"]! });
    const { file, sha256 } = await testFile(300_001, "photo.png", "image/png");
    const log = progressLog();
    const result = await uploadToOpenim({ client, source: fromBlob(file), objectName: `${openim["userId"]}/photo.png`, onProgress: log.onProgress, engine });
    expect(result.sha256).toBe(sha256);
    expect(await storedObject("openim", result.key!)).toMatchObject({ size: file.size, sha256 });
    expect(log.events.every((e, i) => i === 0 || e.loaded >= log.events[i - 1]!.loaded)).toBe(true);
    expect(log.events.at(-1)).toEqual({ loaded: file.size, total: file.size });
  });

  it("uploads a File through the CloudBase PUT flow", async () => {
    const cloudbase = sandbox.vendors["cloudbase"]!;
    const client = createCloudbaseClient({ baseUrl: cloudbase["baseUrl"]!, token: cloudbase["token"]! });
    const { file, sha256 } = await testFile(200_065, "doc.bin", "application/octet-stream");
    const log = progressLog();
    const result = await uploadToCloudbase({ client, source: fromBlob(file), objectId: "browser/doc.bin", onProgress: log.onProgress, engine });
    expect(result.sha256).toBe(sha256);
    expect(await storedObject(cloudbase["bucket"]!, "browser/doc.bin")).toMatchObject({ size: file.size, sha256 });
    expect(log.events.at(-1)).toEqual({ loaded: file.size, total: file.size });
  });
});
