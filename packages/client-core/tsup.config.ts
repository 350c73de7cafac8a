import { defineConfig } from "tsup";

export default defineConfig({
  // index: any runtime; node: the same API with node:http as vendorFetch's default (the "node" export condition).
  // Each entry is bundled whole, so index.js (what browser bundles get) is as it was and never imports node:http.
  entry: ["src/index.ts", "src/node.ts"],
  format: ["esm", "cjs"],
  splitting: false,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
