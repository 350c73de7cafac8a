// webpack 5 (production, no configuration beyond entry and output) emits the hash worker by itself.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeSize } from "./bundle-size.js";
import { expectWorkerUsed, startHarness, uploadFrom, type Harness } from "./harness.js";
import { ENTRIES, html } from "./pages.js";
import { uploadFromPdsPage } from "./pds-page.js";
import { serveStatic, type StaticServer } from "./static-server.js";

/** The app's own webpack, as far as this test uses it. */
interface Stats {
  hasErrors(): boolean;
  toString(preset: string): string;
  toJson(options: object): { chunks?: Array<{ files?: string[]; modules?: Array<{ name?: string }> }> };
}
type Webpack = (config: object, done: (error: Error | null, stats?: Stats) => void) => void;

const app = inject("bundlerApp");
let harness: Harness;
let server: StaticServer;
let workerFile: string;

/**
 * `webpack --mode production` of one page into out/<name>, with an index.html loading main.js. Resolves with that
 * folder and the chunk webpack made of the package's hash-worker.js (it names chunks by number).
 */
function build(entry: string, name: string): Promise<{ path: string; worker: string }> {
  const webpack = createRequire(join(app, "package.json"))("webpack") as Webpack;
  const path = join(app, "out", name);
  return new Promise((resolve, reject) => {
    webpack({ mode: "production", context: app, entry: `./${entry}`, output: { path, filename: "main.js", clean: true } }, (error, stats) => {
      if (error || !stats || stats.hasErrors()) return reject(error ?? new Error(stats?.toString("errors-only")));
      writeFileSync(join(path, "index.html"), html("main.js", { classic: true }));
      const { chunks = [] } = stats.toJson({ chunks: true, chunkModules: true });
      const worker = chunks.find((chunk) => chunk.modules?.some((module) => module.name?.includes("upload-executor/dist/hash-worker.js")))?.files?.[0];
      if (!worker) return reject(new Error("webpack made no chunk of hash-worker.js"));
      resolve({ path, worker });
    });
  });
}

beforeAll(async () => {
  const uploads = await build(ENTRIES.uploads, "webpack");
  server = await serveStatic(uploads.path);
  workerFile = uploads.worker;
  await build(ENTRIES.pds, "webpack-pds");
  harness = await startHarness();
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  await server?.close();
});

it("a webpack 5 production build uploads with the worker and retries one-shot 503/500 answers of PDS and KooDrive", { timeout: 120_000 }, async () => {
  expectWorkerUsed(await uploadFrom(harness, `${server.url}/`), new RegExp(`/${workerFile.replaceAll(".", "\\.")}$`));
});

it("a one-vendor page (PDS) built by webpack 5 ships none of the other vendors and loads at most 40 KB gzip, 20 KB up front", async ({ annotate }) => {
  const size = await uploadFromPdsPage(harness, join(app, "out/webpack-pds"));
  await annotate(`webpack 5, PDS page: ${describeSize(size)}`);
  expect(size.main).toBeLessThanOrEqual(20 * 1024);
  expect(size.total).toBeLessThanOrEqual(40 * 1024);
});
