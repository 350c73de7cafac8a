// Vite 8: a production build and the dev server with the README's configuration, from the packed tarballs.
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeSize } from "./bundle-size.js";
import { expectWorkerUsed, startHarness, uploadFrom, type Harness } from "./harness.js";
import { uploadFromPdsPage } from "./pds-page.js";
import { serveStatic, type StaticServer } from "./static-server.js";
import { viteBuild, viteDevServer } from "./vite-app.js";

const app = inject("bundlerApp");
let harness: Harness;
let server: StaticServer;
let dev: { url: string; close(): Promise<void> };

beforeAll(async () => {
  viteBuild(app, "vite", "out/vite8");
  viteBuild(app, "vite", "../out/vite8-pds", "pds");
  server = await serveStatic(join(app, "out/vite8"));
  dev = await viteDevServer(app, "vite");
  harness = await startHarness();
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  await server?.close();
  await dev?.close();
});

const builds = { "a Vite 8 production build": () => server.url, "the Vite 8 dev server": () => dev.url };

it.each(Object.entries(builds))("%s uploads with the worker and retries one-shot 503/500 answers of PDS and KooDrive", { timeout: 120_000 }, async (_, url) => {
  expectWorkerUsed(await uploadFrom(harness, `${url()}/`));
});

it("a one-vendor page (PDS) ships none of the other vendors and loads at most 40 KB gzip with its worker, 20 KB up front", async ({ annotate }) => {
  const size = await uploadFromPdsPage(harness, join(app, "out/vite8-pds"));
  await annotate(`Vite 8, PDS page: ${describeSize(size)}`);
  expect(size.main).toBeLessThanOrEqual(20 * 1024);
  expect(size.total).toBeLessThanOrEqual(40 * 1024);
});
