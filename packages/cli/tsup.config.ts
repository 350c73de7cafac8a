import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };
const common = { target: "node20", sourcemap: true, env: { DIRECT_UPLOAD_CLI_VERSION: version } } as const;

export default defineConfig([
  // Programmatic API: run(argv), sandboxConnection(), parseSize().
  { ...common, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true, clean: ["!bin.*"] },
  // The `direct-upload` executable.
  { ...common, entry: ["src/bin.ts"], format: ["esm"], banner: { js: "#!/usr/bin/env node" } },
]);
