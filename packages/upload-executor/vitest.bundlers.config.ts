import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Packs, installs and builds apps (npm, Vite, Chromium): run on its own, after the other tests, not beside them.
    include: ["test/bundlers/**/*.test.ts"],
  },
});
