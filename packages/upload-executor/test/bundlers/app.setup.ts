// vitest globalSetup of the bundler matrix: packs the tarballs and installs them with npm, beside every bundler the
// matrix drives, into one fresh app outside the workspace (one install for all test files).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { writePages } from "./pages.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The installed app: package.json, node_modules and the pages' sources (see pages.ts). */
    bundlerApp: string;
  }
}

const root = resolve(import.meta.dirname, "../../../..");
const PACKAGES = ["client-core", "openim-client", "cloudbase-client", "koodrive-client", "hbr-client", "pds-client", "upload-executor"];

/** Exact versions; Vite 7 sits beside Vite 8 under an alias. */
const BUNDLERS = { vite: "8.4.0", vite7: "npm:vite@7.3.8", webpack: "5.113.0", esbuild: "0.28.2" };

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "du-bundlers-"));
  const tarballs = join(dir, "tarballs");
  for (const name of PACKAGES) execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(root, "packages", name), stdio: "pipe" });
  const files = readdirSync(tarballs);
  const dep = (name: string) => `file:./tarballs/${files.find((file) => file.startsWith(`direct-upload-${name}-`))}`;
  const dependencies = Object.fromEntries(PACKAGES.map((name) => [`@direct-upload/${name}`, dep(name)]));
  // The packages' own workspace:* ranges point at the same tarballs, not the registry.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: "module", dependencies, devDependencies: BUNDLERS, overrides: dependencies }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir, stdio: "pipe" });
  writePages(dir);
  project.provide("bundlerApp", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
