// The one-vendor page (pages.ts PDS_PAGE) built by a bundler: one default upload in Chromium, and what it loaded.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { loadedScripts, loadedSize, type BundleSize } from "./bundle-size.js";
import type { Harness } from "./harness.js";
import { serveStatic } from "./static-server.js";

const SIZE = 3 * 1024 * 1024 + 17;

/**
 * Uploads through the page in `dir` (hashed in the worker, bytes stored), checks that the scripts it fetched hold
 * PDS's flow and none of the other vendors' flows or clients, and returns their gzip sizes.
 */
export async function uploadFromPdsPage({ sandbox, browser }: Harness, dir: string): Promise<BundleSize> {
  const server = await serveStatic(dir);
  const tab = await browser.newPage();
  const workers: string[] = [];
  tab.on("worker", (worker) => workers.push(new URL(worker.url()).pathname));
  try {
    await tab.goto(`${server.url}/`);
    await tab.waitForFunction(() => "runUpload" in window);
    const run = ([pds, size]: [unknown, number]) =>
      (window as unknown as { runUpload(p: unknown, s: number): Promise<{ bytes: number; sha256: string; hashing: string }> }).runUpload(pds, size);
    const result = await tab.evaluate(run, [sandbox.vendors.pds, SIZE] as [unknown, number]);
    expect([result.bytes, result.hashing, workers.length]).toEqual([SIZE, "worker", 1]);
    expect(sandbox.objects.list().some((object) => object.sha256 === result.sha256 && object.size === SIZE)).toBe(true);
    const code = loadedScripts(server.served)
      .map((path) => readFileSync(join(dir, path), "utf8"))
      .join("\n");
    for (const other of ["initiate_form_data", "get-objects-upload-info", "CreateTempFileUploadUrl", "multipart/uploadUrl"]) expect(code).not.toContain(other);
    expect(code).toContain("get_upload_url");
    return loadedSize(dir, server.served, workers[0]!);
  } finally {
    await tab.close();
    await server.close();
  }
}
