import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "tsup";

/** The sandbox validates requests against the specs at runtime, so the published package carries them in dist/specs. */
function copySpecs(): void {
  const specs = join("..", "..", "specs");
  for (const vendor of readdirSync(specs)) {
    const file = join(specs, vendor, "openapi.yaml");
    if (existsSync(file)) cpSync(file, join("dist", "specs", vendor, "openapi.yaml"));
  }
}

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    shims: true,
    sourcemap: true,
    target: "es2022",
    onSuccess: async () => copySpecs(),
  },
  {
    entry: ["src/bin.ts"],
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
