import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hydrating a 2.5 MB Redoc page takes a few seconds on a two-core machine; these are limits, not assertions.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
