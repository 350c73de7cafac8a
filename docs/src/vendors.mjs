// One entry per vendor, read from specs/<id>/openapi.yaml (its `info.x-direct-upload`) and redocly.yaml: shared by
// the build (pages, index cards) and the site test (which spec each page shows).
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/**
 * @typedef {object} Vendor
 * @property {string} id       spec folder, page name (`<id>.html`) and example file prefix
 * @property {string} title    the vendor's full name (section headings)
 * @property {string} short    name in the nav bar
 * @property {string} api      alias of the spec in the root redocly.yaml
 * @property {string} pkg      client package to install
 * @property {string} flow     one-line summary of the upload flow (HTML)
 * @property {string[]} steps  the flow, step by step (HTML)
 */

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The redocly.yaml alias whose root is the spec. */
function aliasOf(apis, spec) {
  const alias = Object.keys(apis).find((name) => apis[name].root === `./${spec}`);
  if (!alias) throw new Error(`redocly.yaml has no api whose root is ./${spec}: add one`);
  return alias;
}

async function readVendor(id, apis) {
  const spec = `specs/${id}/openapi.yaml`;
  const display = parse(await readFile(join(root, spec), "utf8")).info?.["x-direct-upload"];
  if (!display?.title || !display.short || !display.flow || !Array.isArray(display.steps)) {
    throw new Error(`${spec}: info.x-direct-upload needs title, short, flow and steps`);
  }
  return { id, title: display.title, short: display.short, api: aliasOf(apis, spec), pkg: `@direct-upload/${id}-client`, flow: display.flow, steps: display.steps };
}

const { apis } = parse(await readFile(join(root, "redocly.yaml"), "utf8"));
const folders = (await readdir(join(root, "specs"), { withFileTypes: true })).filter((entry) => entry.isDirectory());

/** @type {Vendor[]} */
export const vendors = await Promise.all(
  folders
    .map((entry) => entry.name)
    .sort()
    .map((id) => readVendor(id, apis)),
);
