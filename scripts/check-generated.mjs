#!/usr/bin/env node
// Drift check: every committed generated client must equal what its spec produces now.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderAll } from "./generate-client.mjs";
import { VENDORS } from "./vendors.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const stale = [];
for (const vendor of VENDORS) {
  for (const [file, text] of Object.entries(await renderAll(vendor))) {
    const committed = await readFile(resolve(root, file), "utf8").catch(() => "");
    if (committed !== text) stale.push(file);
  }
}
if (stale.length) {
  console.error(`Generated clients differ from their specs:\n  ${stale.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
console.log(`generated clients match their specs (${VENDORS.length} checked)`);
