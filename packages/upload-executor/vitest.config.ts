import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser tests run in Chromium through vitest.browser.config.ts, the bundler matrix through vitest.bundlers.config.ts.
    exclude: ["**/*.browser.test.ts", "test/bundlers/**", "node_modules/**", "dist/**"],
  },
});
