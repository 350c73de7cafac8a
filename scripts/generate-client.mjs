#!/usr/bin/env node
// Generates src/generated/<vendor>.ts from specs/<vendor>/openapi.yaml with openapi-typescript, and the reply
// validators beside it (src/generated/<vendor>-replies.ts, see generate-validators.mjs).
// Usage: node scripts/generate-client.mjs <vendor> [--check]
// --check writes nothing and exits 1 when the committed file differs from what the spec produces.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { renderValidators } from "./generate-validators.mjs";
import { VENDORS, vendorPaths } from "./vendors.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function render(vendor) {
  const { spec } = vendorPaths(vendor);
  const ast = await openapiTS(pathToFileURL(resolve(root, spec)), { alphabetize: true });
  return `// generated from ${spec}: do not edit. Run \`pnpm generate\` to refresh.\n\n${astToString(ast)}`;
}

/** Every generated file of one vendor, by its path from the repository root. */
export async function renderAll(vendor) {
  const paths = vendorPaths(vendor);
  return { [paths.generated]: await render(vendor), [paths.validators]: await renderValidators(vendor) };
}

async function main() {
  const [vendor, flag] = process.argv.slice(2);
  if (!VENDORS.includes(vendor)) {
    console.error(`usage: generate-client.mjs <${VENDORS.join("|")}> [--check]`);
    process.exit(2);
  }
  for (const [file, text] of Object.entries(await renderAll(vendor))) {
    const out = resolve(root, file);
    if (flag === "--check") {
      const current = await readFile(out, "utf8").catch(() => "");
      if (current !== text) {
        console.error(`${file} is stale: run \`pnpm generate\` and commit the result.`);
        process.exit(1);
      }
      continue;
    }
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
