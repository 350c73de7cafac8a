import { defineConfig } from "tsup";

export default defineConfig({
  // index: universal (Node + browsers, no static node: imports); node: file sources and the node:http transport;
  // hash-worker: the browser Web Worker that runs the midstate hashing pass off the main thread (also exported, as an
  // entry point for bundlers that do not emit `new Worker(new URL(...))` by themselves); hash-thread: the
  // Node worker thread that does the same.
  entry: { index: "src/index.ts", node: "src/node.ts", "hash-worker": "src/core/hash/worker.ts", "hash-thread": "src/core/hash/thread.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", node: "src/node.ts", "hash-worker": "src/core/hash/worker.ts" } },
  clean: true,
  sourcemap: true,
  target: "es2022",
  // node.cjs finds native/ from import.meta.url, which CJS output only has with the shim.
  shims: true,
  noExternal: [],
});
