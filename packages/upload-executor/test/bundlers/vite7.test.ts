// Vite 7's dev server with the README's configuration, from the packed tarballs.
import { afterAll, beforeAll, inject, it } from "vitest";
import { expectWorkerUsed, startHarness, uploadFrom, type Harness } from "./harness.js";
import { viteDevServer } from "./vite-app.js";

const app = inject("bundlerApp");
let harness: Harness;
let dev: { url: string; close(): Promise<void> };

beforeAll(async () => {
  dev = await viteDevServer(app, "vite7");
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.stop();
  await dev?.close();
});

it("the Vite 7 dev server uploads with the worker and retries one-shot 503/500 answers of PDS and KooDrive", { timeout: 120_000 }, async () => {
  expectWorkerUsed(await uploadFrom(harness, `${dev.url}/`));
});
