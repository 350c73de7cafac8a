import { describe, expect, it } from "vitest";
import { PlanError } from "../core/errors.js";
import { KOODRIVE_PART_SIZING, koodrivePartInfo } from "./koodrive-parts.js";
import { flowParts } from "./multipart-flow.js";
import { PDS_PART_SIZING, pdsPartInfo } from "./pds-parts.js";

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
    const parts = [{ number: 1, offset: 0, size: 5 * MiB }, { number: 2, offset: 5 * MiB, size: 3 }];
    const resume = { version: 1 as const, kind: "multipart" as const, fingerprint: "f", size: 5 * MiB + 3, parts, done: [], midstates: {} };
    expect(flowParts(5 * MiB + 3, KOODRIVE_PART_SIZING, { partSize: 64 * MiB }, resume)).toBe(parts);
  });
});

describe("part contexts", () => {
  const h8 = [1, 2, 3, 4, 5, 6, 7, 8];
  const h5 = [9, 8, 7, 6, 5];

  it("KooDrive: part 1 sends its offset without hashCtx, later parts the 8 SHA-256 words", () => {
    expect(koodrivePartInfo({ number: 1, offset: 0, size: 10, midstates: { sha256: { algorithm: "sha256", h: h8, offset: 0 } } })).toEqual({ partNumber: 1, partSize: 10, partOffset: 0 });
    expect(koodrivePartInfo({ number: 2, offset: 5 * MiB, size: 10, midstates: { sha256: { algorithm: "sha256", h: h8, offset: 5 * MiB } } })).toEqual({
      partNumber: 2,
      partSize: 10,
      partOffset: 5 * MiB,
      hashCtx: h8,
    });
  });

  it("PDS: part 1 sends h [] at offset 0, later parts the words of the upload's algorithm", () => {
    const midstates = { sha1: { algorithm: "sha1" as const, h: h5, offset: 128 }, sha256: { algorithm: "sha256" as const, h: h8, offset: 128 } };
    expect(pdsPartInfo({ number: 1, offset: 0, midstates: {} }, "sha1")).toEqual({ part_number: 1, parallel_sha1_ctx: { h: [], part_offset: 0 } });
    expect(pdsPartInfo({ number: 2, offset: 128, midstates }, "sha1")).toEqual({ part_number: 2, parallel_sha1_ctx: { h: h5, part_offset: 128 } });
    expect(pdsPartInfo({ number: 2, offset: 128, midstates }, "sha256")).toEqual({ part_number: 2, parallel_sha256_ctx: { h: h8, part_offset: 128 } });
  });
});
