// What a built page loads, in gzip bytes: its entry chunk, the hash worker and every script fetched on the way.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  /** The entry script the HTML loads. */
  main: number;
  /** The hash worker's own script. */
  worker: number;
  /** Every script the page and its worker fetched: entry, lazy chunks, worker. */
  total: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).byteLength;

/** The scripts among the paths a static server `served`, once each. */
export function loadedScripts(served: readonly string[]): string[] {
  return [...new Set(served)].filter((path) => /\.(m?js|wasm)$/.test(path));
}

/** Sizes of the scripts `served` (paths under `dir`, whose index.html names the entry). */
export function loadedSize(dir: string, served: readonly string[]): BundleSize {
  const main = /<script[^>]* src="\.?(\/?[^"]+)"/.exec(readFileSync(join(dir, "index.html"), "utf8"))?.[1]?.replace(/^(?!\/)/, "/");
  const scripts = loadedScripts(served);
  const worker = scripts.find((path) => /\/hash-worker[^/]*\.js$/.test(path));
  if (!main || !scripts.includes(main) || !worker) throw new Error(`entry ${main} or the hash worker not among ${scripts.join(", ")}`);
  return { main: gz(join(dir, main)), worker: gz(join(dir, worker)), total: scripts.reduce((sum, path) => sum + gz(join(dir, path)), 0) };
}

/** "main 12.3 KB, worker 15.0 KB, total 30.1 KB (gzip)", for the test's annotation. */
export function describeSize({ main, worker, total }: BundleSize): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return `main ${kb(main)}, worker ${kb(worker)}, total ${kb(total)} (gzip)`;
}
