import { describe, expect, it } from "vitest";
import { pdsPartInfo } from "./pds-parts.js";

describe("PDS part contexts", () => {
  const h8 = [1, 2, 3, 4, 5, 6, 7, 8];
  const h5 = [9, 8, 7, 6, 5];

  it("part 1 sends h [] at offset 0, later parts the words of the upload's algorithm", () => {
    const midstates = { sha1: { algorithm: "sha1" as const, h: h5, offset: 128 }, sha256: { algorithm: "sha256" as const, h: h8, offset: 128 } };
    expect(pdsPartInfo({ number: 1, offset: 0, midstates: {} }, { hash: "sha1" })).toEqual({ part_number: 1, parallel_sha1_ctx: { h: [], part_offset: 0 } });
    expect(pdsPartInfo({ number: 2, offset: 128, midstates }, { hash: "sha1" })).toEqual({ part_number: 2, parallel_sha1_ctx: { h: h5, part_offset: 128 } });
    expect(pdsPartInfo({ number: 2, offset: 128, midstates }, { hash: "sha256" })).toEqual({ part_number: 2, parallel_sha256_ctx: { h: h8, part_offset: 128 } });
  });

  it("serial mode sends the part number alone", () => {
    expect(pdsPartInfo({ number: 2, offset: 128, midstates: {} }, { hash: "sha1", serial: true })).toEqual({ part_number: 2 });
  });
});
