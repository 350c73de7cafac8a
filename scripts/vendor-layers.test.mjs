// A vendor exists in every layer or in none: its spec folder, client package, executor descriptor and sandbox module.
// Runs on the built packages (`pnpm test` builds first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { VENDORS } from "./vendors.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const load = (path) => import(pathToFileURL(join(root, path)).href);

test("the spec folders, client packages, executor registry and sandbox name the same vendors", async () => {
  const clients = readdirSync(join(root, "packages"))
    .filter((name) => name.endsWith("-client"))
    .map((name) => name.slice(0, -"-client".length));
  assert.deepEqual(clients.sort(), VENDORS);

  // redocly.yaml drives spec lint and the docs pages: an unlisted spec would be neither linted nor documented.
  const apis = Object.values(parse(readFileSync(join(root, "redocly.yaml"), "utf8")).apis);
  assert.deepEqual(apis.map((api) => api.root.split("/").at(-2)).sort(), VENDORS);

  const { vendorDescriptors } = await load("packages/upload-executor/dist/index.js");
  assert.deepEqual(vendorDescriptors.map((vendor) => vendor.name).sort(), VENDORS);

  const { startSandbox } = await load("packages/sandbox/dist/index.js");
  const sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
  try {
    assert.deepEqual(Object.keys(sandbox.vendors).sort(), VENDORS);
    // The sandbox prints every required setting under its key, so its output connects without translation.
    for (const vendor of vendorDescriptors) {
      const missing = vendor.settings.filter((setting) => setting.required && sandbox.vendors[vendor.name][setting.key] === undefined);
      assert.deepEqual(
        missing.map((setting) => setting.key),
        [],
        `sandbox info of ${vendor.name}`,
      );
    }
  } finally {
    await sandbox.stop();
  }
});
