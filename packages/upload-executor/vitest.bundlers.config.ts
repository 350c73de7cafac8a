import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Packs, installs and builds apps (npm, bundlers, Chromium): run on its own, after the other tests, not beside them.
    include: ["test/bundlers/**/*.test.ts"],
    // One npm install of the tarballs and every bundler, shared by all the files (inject("bundlerApp")).
    globalSetup: ["./test/bundlers/app.setup.ts"],
    // Bundlers and Chromium use both cores: one file at a time.
    fileParallelism: false,
  },
});
