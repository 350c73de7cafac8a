import { defineConfig } from "vitest/config";

// The suite moves 50+ MiB through real S3 clients beside the other packages' tests on few cores: a wider budget
// per test (no test asserts on timing).
export default defineConfig({ test: { testTimeout: 30_000 } });
