// What a built page loads, in gzip bytes: up front, for its hash worker, and in all during an upload.
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  /** The entry script the HTML loads and its static imports. */
  main: number;
  /** The hash worker's script and its static imports. */
  worker: number;
  /** Every script the page and its worker fetched (entry, lazy chunks, worker), each once. */
  total: number;
}

/** The scripts among the paths a static server `served`, once each. */
export function loadedScripts(served: readonly string[]): string[] {
  return [...new Set(served)].filter((path) => /\.(m?js|wasm)$/.test(path));
}

// `import{a as b}from"./chunk.js"`, `import"./x.js"`, `export{c}from"./y.js"` in a bundler's ES module output.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** `path` (under `dir`, from the site root) and every module it imports statically, transitively. */
function withStaticImports(dir: string, path: string, into = new Set<string>()): Set<string> {
  if (into.has(path)) return into;
  into.add(path);
  for (const [, specifier] of readFileSync(join(dir, path), "utf8").matchAll(STATIC_IMPORT)) {
    withStaticImports(dir, posix.join(posix.dirname(path), specifier!), into);
  }
  return into;
}

/** Sizes of the scripts `served` (paths under `dir`, whose index.html names the entry); `worker` is the worker's path. */
export function loadedSize(dir: string, served: readonly string[], worker: string): BundleSize {
  const entry = /<script[^>]* src="\.?(\/?[^"]+)"/.exec(readFileSync(join(dir, "index.html"), "utf8"))?.[1]?.replace(/^(?!\/)/, "/");
  const scripts = loadedScripts(served);
  if (!entry || !scripts.includes(entry) || !scripts.includes(worker)) throw new Error(`entry ${entry} or worker ${worker} not among ${scripts.join(", ")}`);
  const gz = (paths: Iterable<string>) => [...paths].reduce((sum, path) => sum + gzipSync(readFileSync(join(dir, path)), { level: 9 }).byteLength, 0);
  return { main: gz(withStaticImports(dir, entry)), worker: gz(withStaticImports(dir, worker)), total: gz(scripts) };
}

/** "main 12.3 KB, worker 15.0 KB, total 30.1 KB (gzip)", for the test's annotation. */
export function describeSize({ main, worker, total }: BundleSize): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return `main ${kb(main)}, worker ${kb(worker)}, total ${kb(total)} (gzip; ${total} bytes)`;
}
