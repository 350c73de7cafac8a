import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser tests run in Chromium through vitest.browser.config.ts.
    exclude: ["**/*.browser.test.ts", "node_modules/**", "dist/**"],
  },
});
