import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Like a generated-file drift check: the committed binaries must come from the committed sources.
const native = new URL("../native/", import.meta.url);
const sha256 = (path: string) =>
  createHash("sha256")
    .update(readFileSync(new URL(path, native)))
    .digest("hex");
const platforms = readdirSync(new URL("prebuilds/", native));

describe.each(platforms)("native/prebuilds/%s", (platform) => {
  const record: { sources: Record<string, string>; binary: string } = JSON.parse(readFileSync(new URL(`prebuilds/${platform}/built-from.json`, native), "utf8"));

  it("was built from the sources as they are now (else run `pnpm --filter @direct-upload/upload-executor build:native`)", () => {
    const sources = ["binding.gyp", ...readdirSync(new URL("src/", native)).map((file) => `src/${file}`)].sort();
    expect(Object.keys(record.sources).sort()).toEqual(sources);
    for (const path of sources) expect(sha256(path), path).toBe(record.sources[path]);
  });

  it("holds the binary that build:native recorded", () => {
    expect(sha256(`prebuilds/${platform}/direct_upload_midstate.node`)).toBe(record.binary);
  });
});
