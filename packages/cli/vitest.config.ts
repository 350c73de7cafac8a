import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The end-to-end tests spawn the built binary against a real sandbox and move up to 64 MiB: one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
