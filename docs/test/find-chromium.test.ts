import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../../scripts/find-chromium.mjs";

const dir = mkdtempSync(join(tmpdir(), "du-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findChromium", () => {
  // No CHROMIUM_PATH and an empty PATH hide every system browser, as on a fresh machine.
  const shipped = () => findChromium({ env: { PATH: "", HOME: process.env.HOME }, cacheDir: join(dir, "cache") });

  it("falls back to the Chromium shipped in @sparticuz/chromium, and playwright-core drives it, workers included", async () => {
    const found = shipped();
    expect(found.source).toBe("@sparticuz/chromium");
    const browser = await chromium.launch({ executablePath: found.executablePath, env: found.env, headless: true, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const answer = await page.evaluate(async () => {
        const worker = new Worker(URL.createObjectURL(new Blob(["postMessage(6 * 7)"], { type: "text/javascript" })));
        return new Promise((resolve) => (worker.onmessage = (event) => resolve(event.data)));
      });
      expect(answer).toBe(42);
    } finally {
      await browser.close();
    }
  });

  it("prefers a Chromium or Chrome on PATH, and CHROMIUM_PATH over both", () => {
    const bin = join(dir, "bin");
    mkdirSync(bin);
    symlinkSync(shipped().executablePath, join(bin, "google-chrome"));
    const env = { PATH: ["/nonexistent", bin].join(delimiter) };
    expect(findChromium({ env, cacheDir: join(dir, "cache") })).toEqual({ executablePath: join(bin, "google-chrome"), env: undefined, source: "system" });
    expect(findChromium({ env: { ...env, CHROMIUM_PATH: "/opt/chrome/chrome" } })).toEqual({ executablePath: "/opt/chrome/chrome", env: undefined, source: "CHROMIUM_PATH" });
  });
});
