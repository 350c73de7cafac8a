// The drift check must notice a spec edit: a changed spec renders different types than the committed file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse, stringify } from "yaml";
import { renderAll } from "./generate-client.mjs";
import { VENDORS, vendorPaths } from "./vendors.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

test("every committed generated file (types and reply validators) carries the do-not-edit header and matches its spec", async () => {
  for (const vendor of VENDORS) {
    const files = await renderAll(vendor);
    assert.deepEqual(Object.keys(files), [vendorPaths(vendor).generated, vendorPaths(vendor).validators]);
    for (const [file, text] of Object.entries(files)) {
      const committed = readFileSync(join(root, file), "utf8");
      assert.match(committed, new RegExp(`^// generated from specs/${vendor}/openapi.yaml: do not edit`));
      assert.equal(committed, text, `${file} is stale`);
    }
  }
});

test("an edited spec produces different types, so a stale generated file is caught", async () => {
  const dir = mkdtempSync(join(tmpdir(), "du-drift-"));
  try {
    const spec = join(dir, "openapi.yaml");
    const doc = parse(readFileSync(join(root, vendorPaths("openim").spec), "utf8"));
    writeFileSync(spec, stringify(doc));
    const before = astToString(await openapiTS(pathToFileURL(spec), { alphabetize: true }));
    const schema = Object.values(doc.components.schemas).find((s) => s.properties);
    schema.properties.driftProbe = { type: "string" };
    writeFileSync(spec, stringify(doc));
    const after = astToString(await openapiTS(pathToFileURL(spec), { alphabetize: true }));
    assert.notEqual(after, before);
    assert.match(after, /driftProbe\?: string/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
