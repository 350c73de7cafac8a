import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendors } from "../src/vendors.mjs";
import { launchChromium, openGuarded, type GuardedPage } from "./guarded-browser.js";
import { readSpecOperations } from "./spec-operations.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const docs = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(docs, "..");
const dist = join(docs, "dist");
const artifacts = join(root, "test-artifacts", "docs");
const pages = ["index.html", "midstate.html", ...vendors.map((vendor) => `${vendor.id}.html`)];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // turbo runs `build` before `test`; a bare `vitest run` on a clean checkout builds here instead.
  if (!pages.every((page) => existsSync(join(dist, page)))) execFileSync("node", ["build.mjs"], { cwd: docs, stdio: "inherit" });
  await mkdir(artifacts, { recursive: true });
  server = await serveStatic(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a page, runs the checks and saves a full-page screenshot. Outside requests and errors are reported first:
 * they usually explain why a check failed.
 */
async function visit(file: string, check: (guarded: GuardedPage) => Promise<void>): Promise<void> {
  const guarded = await openGuarded(browser, server.origin);
  try {
    let failure: unknown;
    try {
      await guarded.page.goto(`${server.origin}/${file}`, { waitUntil: "load" });
      await check(guarded);
    } catch (error) {
      failure = error;
    }
    await guarded.page.screenshot({ path: join(artifacts, file.replace(/\.html$/, ".png")), fullPage: true });
    expect(guarded.external, `${file} tried to leave the machine`).toEqual([]);
    expect(guarded.errors, `${file} logged errors`).toEqual([]);
    if (failure) throw failure;
  } finally {
    await guarded.close();
  }
}

describe("vendor API reference pages", () => {
  for (const vendor of vendors) {
    it(`${vendor.id}.html renders every operation of specs/${vendor.id}/openapi.yaml offline`, async () => {
      const operations = await readSpecOperations(join(root, "specs", vendor.id, "openapi.yaml"));
      expect(operations.length).toBeGreaterThan(0);

      await visit(`${vendor.id}.html`, async ({ page }) => {
        // The Redocly badge logo is rendered only after hydration (in an effect): before that, the sidebar links
        // are plain server-rendered anchors. Its source must be the local copy the build put in.
        const logo = page.locator('img[alt="redocly logo"]').first();
        await logo.waitFor({ state: "attached" });
        expect(await logo.getAttribute("src")).toMatch(/^data:image\/svg\+xml,/);

        const menu = page.locator(".menu-content");
        for (const operation of operations) {
          const item = menu.getByText(operation.summary, { exact: true });
          // Tag groups start collapsed.
          if (operation.tag !== undefined && !(await item.isVisible())) {
            await menu.getByText(operation.tag, { exact: true }).first().click();
          }
          await item.click();
          await expect.poll(() => page.locator("h2").allTextContents(), { message: `${operation.operationId} has no heading` }).toContain(operation.summary);
        }
      });
    });
  }
});

describe("index page", () => {
  it("has a section, the install command and the verbatim typed example for every vendor", async () => {
    await visit("index.html", async ({ page }) => {
      for (const vendor of vendors) {
        const section = page.locator(`section[data-vendor="${vendor.id}"]`);
        await expect.poll(() => section.locator("h2").textContent()).toBe(vendor.title);
        expect(await section.locator(".install").textContent()).toBe(`pnpm add ${vendor.pkg}`);
        expect(await section.locator(`[data-example="${vendor.id}"] code`).textContent()).toContain(`from "${vendor.pkg}"`);
        expect(await section.locator(`a[href="${vendor.id}.html"]`).count()).toBe(1);
      }
      // Every example file is embedded exactly as written (the HTML escaping must round-trip).
      const files = (await readdir(join(docs, "examples"))).filter((file) => file.endsWith(".ts"));
      expect(files).toEqual(expect.arrayContaining(vendors.map((vendor) => `${vendor.id}.ts`)));
      for (const file of files) {
        const source = await readFile(join(docs, "examples", file), "utf8");
        expect(await page.locator(`[data-example="${file.slice(0, -3)}"] code`).textContent(), file).toBe(source);
      }
    });
  });
});

describe("midstate page", () => {
  it("shows the chained-state diagram with both vendors' wire formats", async () => {
    await visit("midstate.html", async ({ page }) => {
      const svg = page.locator("#midstate-diagram svg");
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(300);
      const text = await svg.textContent();
      for (const needle of ["X-Amz-Iteration-Hash-Ctx", '"md_len":32', '"nl":41943040', "parallel_sha1_ctx", '"part_offset":5242880', "out₁ = h¹ ?"]) {
        expect(text).toContain(needle);
      }
    });
  });
});

describe("navigation", () => {
  it("links every page from every page, and every link resolves", async () => {
    for (const file of pages) {
      const html = await readFile(join(dist, file), "utf8");
      const nav = html.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? "";
      const hrefs = [...nav.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
      expect(new Set(hrefs), `nav of ${file}`).toEqual(new Set(pages));
    }
    for (const file of pages) {
      expect((await fetch(`${server.origin}/${file}`)).status, file).toBe(200);
    }
  });
});
