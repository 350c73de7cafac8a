// What every bundler's test does in Chromium: open the built page, upload PDS and KooDrive multipart and OpenIM's form
// through the sandbox (with one-shot 503/500 answers that must be retried) and check what was stored.
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { chromium, type Browser } from "playwright";
import { expect } from "vitest";
import { findChromium } from "../../../../scripts/find-chromium.mjs";

export interface Harness {
  sandbox: Sandbox;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const sandbox = await startSandbox();
  const found = findChromium();
  const browser = await chromium.launch({ executablePath: found.executablePath, env: found.env, headless: true, args: ["--no-sandbox"] });
  return {
    sandbox,
    browser,
    stop: async () => {
      await browser.close();
      await sandbox.stop();
    },
  };
}

interface Uploaded {
  vendor: string;
  bytes: number;
  sha256: string;
  hashing?: string;
  warnings: Array<{ code: string; message: string }>;
}

export interface UploadRun {
  results: Uploaded[];
  /** Every worker script the page started. */
  workers: string[];
}

const RETRIED = ["pds.get_upload_url", "koodrive.uploadUrl"];

/**
 * Runs the page's uploads (pages.ts UPLOADS_PAGE at `url`) and checks the bytes stored, that no error reached the page
 * and that one 503 (PDS) and one 500 (KooDrive) on control-plane calls were retried.
 */
export async function uploadFrom({ sandbox, browser }: Harness, url: string): Promise<UploadRun> {
  const tab = await browser.newPage();
  try {
    const workers: string[] = [];
    tab.on("worker", (worker) => workers.push(worker.url()));
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(url);
    await tab.waitForFunction(() => "runUploads" in window);
    const hits = RETRIED.map((route) => sandbox.faults.hits(route));
    sandbox.faults.arm("pds.get_upload_url", { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable", message: "busy" });
    sandbox.faults.arm("koodrive.uploadUrl", { kind: "fail", times: 1, status: 500, code: "13000201", message: "INNER_INVOKE_FAILURE" });
    const run = (vendors: unknown) => (window as unknown as { runUploads(v: unknown): Promise<Uploaded[]> }).runUploads(vendors);
    const results = await tab.evaluate(run, sandbox.vendors);
    expect(errors).toEqual([]);
    expect(results.map((result) => [result.vendor, result.bytes])).toEqual([
      ["pds", 300 * 1024 + 5],
      ["koodrive", 5 * 1024 * 1024 + 9],
      ["openim", 1000],
    ]);
    for (const result of results) expect(sandbox.objects.list().some((object) => object.sha256 === result.sha256 && object.size === result.bytes)).toBe(true);
    expect(RETRIED.map((route, i) => sandbox.faults.hits(route) - hits[i]! >= 2)).toEqual([true, true]);
    return { results, workers };
  } finally {
    await tab.close();
  }
}

/** Every upload (OpenIM's SHA-256 too) hashed in the bundled worker, the script named `worker`, and none warned. */
export function expectWorkerUsed(run: UploadRun, worker: RegExp = /hash-worker/): void {
  expect(run.results.map((result) => [result.vendor, result.hashing, result.warnings])).toEqual([
    ["pds", "worker", []],
    ["koodrive", "worker", []],
    ["openim", "worker", []],
  ]);
  expect(run.workers.length > 0 && run.workers.every((url) => worker.test(url)), run.workers.join(", ")).toBe(true);
}

/** Every upload hashed on the main thread after exactly one warning saying why the worker did not load. */
export function expectMainThreadWarned(run: UploadRun, reason: RegExp): void {
  expect(run.results.map((result) => [result.vendor, result.hashing, result.warnings.length])).toEqual([
    ["pds", "main-thread", 1],
    ["koodrive", "main-thread", 1],
    ["openim", "main-thread", 1],
  ]);
  for (const { warnings } of run.results) {
    expect(warnings[0]!.code).toBe("hash_worker_unavailable");
    expect(warnings[0]!.message).toMatch(reason);
  }
}
