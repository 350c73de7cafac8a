// Builds docs/dist: a Redoc page per vendor spec, the index page with the typed examples, and the midstate page.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { vendors } from "./src/vendors.mjs";
import { fill } from "./src/build/html.mjs";
import { renderNav } from "./src/build/nav.mjs";
import { buildRedocPage } from "./src/build/redoc.mjs";
import { readExamples } from "./src/build/examples.mjs";
import { renderIndex } from "./src/build/index-page.mjs";

const docs = dirname(fileURLToPath(import.meta.url));
const root = join(docs, "..");
const out = join(docs, "dist");
const source = (name) => readFile(join(docs, "src", name), "utf8");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const [layout, style, navCss, indexTemplate, midstate] = await Promise.all(["layout.html", "style.css", "nav.css", "pages/index.html", "pages/midstate.html"].map(source));

async function writePage(file, title, content) {
  const html = fill(layout, { title, style: navCss + style, nav: renderNav(file), content });
  await writeFile(join(out, file), html);
}

const examples = await readExamples(
  join(docs, "examples"),
  vendors.map((vendor) => vendor.id),
);
await writePage("index.html", "Direct uploads to cloud storage", renderIndex(indexTemplate, vendors, examples));
await writePage("midstate.html", "Chained SHA midstate uploads", midstate);

// One at a time: each redocly run is a full Node process and the build machines have two cores.
for (const vendor of vendors) {
  await buildRedocPage({ vendor, root, outFile: join(out, `${vendor.id}.html`), navCss });
}
