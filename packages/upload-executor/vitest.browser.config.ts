import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type Plugin } from "vitest/config";
import type { BrowserCommand } from "vitest/node";
import { findChromium } from "../../scripts/find-chromium.mjs";
import { generate, vectors, type MidstateVector } from "./test/fixtures/midstates/vectors.js";

/** Reads the sandbox's stored objects from Node: its admin endpoint answers loopback only and sends no CORS headers. */
const sandboxObjects: BrowserCommand<[sandboxUrl: string]> = async (_context, sandboxUrl) => {
  const response = await fetch(`${sandboxUrl}/__sandbox/objects`);
  return response.json();
};

/** One OpenSSL known-answer vector and its input (base64), generated in Node by the same code the Node tests use. */
const midstateVector: BrowserCommand<[name: string]> = async (_context, name) => {
  const vector = vectors.find((v) => v.name === name);
  if (!vector) throw new Error(`no midstate vector named ${name}`);
  return { vector, base64: Buffer.from(generate(vector)).toString("base64") };
};

declare module "vitest/browser" {
  interface BrowserCommands {
    sandboxObjects(sandboxUrl: string): Promise<Array<{ bucket: string; key: string; size: number; sha256: string }>>;
    midstateVector(name: string): Promise<{ vector: MidstateVector; base64: string }>;
  }
}

/**
 * The worker URL in worker-client.ts ("./hash-worker.js") names tsup's output next to the bundle in dist/. Vite serves
 * src/, where that file is worker.ts: point the URL there so Vite bundles and serves the real worker.
 */
const hashWorkerFromSource: Plugin = {
  name: "hash-worker-from-source",
  enforce: "pre",
  transform(code, id) {
    if (!id.endsWith("/src/core/hash/worker-client.ts")) return null;
    const rewritten = code.replace('new URL("./hash-worker.js", import.meta.url)', 'new URL("./worker.ts", import.meta.url)');
    if (rewritten === code) throw new Error("worker-client.ts no longer loads ./hash-worker.js: update hashWorkerFromSource");
    return { code: rewritten, map: null };
  },
};

const chromium = findChromium();

export default defineConfig({
  plugins: [hashWorkerFromSource],
  test: {
    include: ["src/**/*.browser.test.ts"],
    // Starts the sandbox in Node and provides its URL and credentials to the tests (inject("sandbox")).
    globalSetup: ["./test/helpers/browser-sandbox.setup.ts"],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: chromium.executablePath, env: chromium.env, args: ["--no-sandbox"] },
      }),
      instances: [{ browser: "chromium" }],
      commands: { sandboxObjects, midstateVector },
    },
  },
});
