import { describe, expect, it } from "vitest";
import { PlanError } from "../core/errors.js";
import { KOODRIVE_PART_SIZING } from "./koodrive/koodrive-parts.js";
import { flowParts } from "./multipart-flow.js";
import { PDS_PART_SIZING } from "./pds/pds-parts.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe("flowParts", () => {
  it("uses the vendor default, rounding a caller's part size up to a multiple of 64", () => {
    expect(flowParts(100 * MiB, KOODRIVE_PART_SIZING, {}, undefined)[0]!.size).toBe(8 * MiB);
    expect(flowParts(100 * MiB, PDS_PART_SIZING, {}, undefined)[0]!.size).toBe(10 * MiB);
    expect(flowParts(100 * MiB, KOODRIVE_PART_SIZING, { partSize: 6 * MiB + 1 }, undefined)[0]!.size).toBe(6 * MiB + 64);
  });

  it("never goes below the vendor minimum", () => {
    expect(flowParts(100 * MiB, KOODRIVE_PART_SIZING, { partSize: MiB }, undefined)[0]!.size).toBe(5 * MiB);
    expect(flowParts(MiB, PDS_PART_SIZING, { partSize: 1000 }, undefined)[0]!.size).toBe(100 * 1024);
  });

  it.each([
    ["KooDrive", KOODRIVE_PART_SIZING, 200 * GiB],
    ["PDS", PDS_PART_SIZING, 150 * GiB + 12345],
  ])("grows the part size for a file that would need more than 10,000 parts (%s)", (_, sizing, size) => {
    const parts = flowParts(size, sizing, {}, undefined);
    expect(parts.length).toBeLessThanOrEqual(10_000);
    expect(parts[0]!.size % 64).toBe(0);
    expect(parts[0]!.size).toBeGreaterThan(sizing.defaultPartSize);
    expect(parts.at(-1)!.offset + parts.at(-1)!.size).toBe(size);
  });

  it("refuses a file beyond 10,000 parts of 5 GiB", () => {
    expect(() => flowParts(10_000 * 5 * GiB + 1, PDS_PART_SIZING, {}, undefined)).toThrow(PlanError);
  });

  it("keeps a resumed upload's layout whatever part size is asked now", () => {
    const parts = [
      { number: 1, offset: 0, size: 5 * MiB },
      { number: 2, offset: 5 * MiB, size: 3 },
    ];
    const resume = { version: 1 as const, kind: "multipart" as const, fingerprint: "f", size: 5 * MiB + 3, parts, done: [], midstates: {} };
    expect(flowParts(5 * MiB + 3, KOODRIVE_PART_SIZING, { partSize: 64 * MiB }, resume)).toBe(parts);
  });
});
