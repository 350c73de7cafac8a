import { describe, expect, it } from "vitest";
import { koodrivePartInfo } from "./koodrive-parts.js";

const MiB = 1024 * 1024;

describe("KooDrive part contexts", () => {
  const h8 = [1, 2, 3, 4, 5, 6, 7, 8];

  it("part 1 sends its offset without hashCtx, later parts the 8 SHA-256 words", () => {
    expect(koodrivePartInfo({ number: 1, offset: 0, size: 10, midstates: { sha256: { algorithm: "sha256", h: h8, offset: 0 } } })).toEqual({
      partNumber: 1,
      partSize: 10,
      partOffset: 0,
    });
    expect(koodrivePartInfo({ number: 2, offset: 5 * MiB, size: 10, midstates: { sha256: { algorithm: "sha256", h: h8, offset: 5 * MiB } } })).toEqual({
      partNumber: 2,
      partSize: 10,
      partOffset: 5 * MiB,
      hashCtx: h8,
    });
  });

  it("a serial part sends its number and size only", () => {
    expect(koodrivePartInfo({ number: 2, offset: 5 * MiB, size: 10, midstates: { sha256: { algorithm: "sha256", h: h8, offset: 5 * MiB } } }, true)).toEqual({
      partNumber: 2,
      partSize: 10,
    });
  });
});
