// The vendors are the folders of specs/: each spec folder names its client package folder and generated file.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const specs = join(dirname(fileURLToPath(import.meta.url)), "..", "specs");

export const VENDORS = readdirSync(specs, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export function vendorPaths(vendor) {
  return {
    spec: `specs/${vendor}/openapi.yaml`,
    generated: `packages/${vendor}-client/src/generated/${vendor}.ts`,
    validators: `packages/${vendor}-client/src/generated/${vendor}-replies.ts`,
  };
}
