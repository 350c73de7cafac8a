import { describe, expect, it } from "vitest";
import { PlanError } from "./errors.js";
import { checkPartLayout, layoutParts, partSizeAdjustment } from "./part-layout.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const koodrive = { minPartSize: 5 * MiB, maxPartSize: 5 * GiB, maxParts: 10_000, align: 64 };
const pds = { minPartSize: 100 * 1024, maxPartSize: 5 * GiB, maxParts: 10_000, align: 64, preferredPartSize: 10 * MiB };

describe("layoutParts", () => {
  it("gives a 0-byte file one empty part", () => {
    expect(layoutParts(0, koodrive).parts).toEqual([{ number: 1, offset: 0, size: 0 }]);
  });

  it.each([1, 63, 64, 65])("gives a %i-byte file one part of that size", (size) => {
    expect(layoutParts(size, koodrive).parts).toEqual([{ number: 1, offset: 0, size }]);
  });

  it("ends an exact multiple with a full part and never adds 64 to aligned sizes", () => {
    const { partSize, parts } = layoutParts(3 * 10 * MiB, pds);
    expect(partSize).toBe(10 * MiB);
    expect(parts.map((p) => p.size)).toEqual([10 * MiB, 10 * MiB, 10 * MiB]);
  });

  it("puts the remainder in the last part", () => {
    const { parts } = layoutParts(10 * MiB + 65, pds);
    expect(parts).toEqual([
      { number: 1, offset: 0, size: 10 * MiB },
      { number: 2, offset: 10 * MiB, size: 65 },
    ]);
  });

  it("rounds an unaligned preferred size up to a multiple of 64", () => {
    const { partSize } = layoutParts(20 * MiB, { ...koodrive, preferredPartSize: 5 * MiB + 1 });
    expect(partSize).toBe(5 * MiB + 64);
  });

  it("never goes below the minimum part size", () => {
    expect(layoutParts(100 * MiB, { ...koodrive, preferredPartSize: 1024 }).partSize).toBe(5 * MiB);
  });

  it("grows the part size to stay within maxParts, keeping 64-byte alignment", () => {
    const size = 1024 * GiB + 12_345; // 1 TiB and a bit
    const { partSize, parts } = layoutParts(size, pds);
    expect(parts.length).toBeLessThanOrEqual(10_000);
    expect(partSize % 64).toBe(0);
    expect(partSize).toBe(Math.ceil(Math.ceil(size / 10_000) / 64) * 64);
    expect(parts.at(-1)!.offset + parts.at(-1)!.size).toBe(size);
    checkPartLayout(parts, size, 64);
  });

  it("uses exactly maxParts when the file is an exact multiple at the limit", () => {
    const size = 10_000 * 5 * MiB;
    const { partSize, parts } = layoutParts(size, koodrive);
    expect(partSize).toBe(5 * MiB);
    expect(parts).toHaveLength(10_000);
  });

  it("refuses a file that cannot fit in maxParts × maxPartSize", () => {
    expect(() => layoutParts(10_000 * 5 * GiB + 1, koodrive)).toThrow(PlanError);
  });

  it("refuses limits with no aligned size between min and max", () => {
    expect(() => layoutParts(10, { minPartSize: 65, maxPartSize: 100, maxParts: 5, align: 64 })).toThrow(PlanError);
  });
});

describe("checkPartLayout", () => {
  it("rejects gaps, unaligned middle parts and wrong totals", () => {
    expect(() =>
      checkPartLayout(
        [
          { number: 1, offset: 0, size: 64 },
          { number: 2, offset: 65, size: 1 },
        ],
        66,
      ),
    ).toThrow(PlanError);
    expect(() =>
      checkPartLayout(
        [
          { number: 1, offset: 0, size: 65 },
          { number: 2, offset: 65, size: 1 },
        ],
        66,
        64,
      ),
    ).toThrow(PlanError);
    expect(() => checkPartLayout([{ number: 1, offset: 0, size: 64 }], 65)).toThrow(PlanError);
    expect(() =>
      checkPartLayout(
        [
          { number: 1, offset: 0, size: 128 },
          { number: 2, offset: 128, size: 3 },
        ],
        131,
        64,
      ),
    ).not.toThrow();
  });
});

describe("partSizeAdjustment", () => {
  const sizing = { minPartSize: 100 * 1024, maxPartSize: 5 * 1024 ** 3, maxParts: 10_000, align: 64 };
  it.each([
    [1024 ** 2, 1024 ** 2, undefined],
    [1024 ** 2, 1024 ** 2 + 1, { partSize: 1024 ** 2 + 64, reason: expect.stringMatching(/multiples of 64 bytes/) }],
    [1024 ** 2, 4096, { partSize: 100 * 1024, reason: expect.stringMatching(/smallest part is 102400 bytes/) }],
    [20 * 1024 ** 3, 1024 ** 2, { partSize: 2147520, reason: expect.stringMatching(/fits in the vendor's 10000 parts/) }],
  ])("for a %i-byte file, a preferred %i-byte part gives %o", (size, preferredPartSize, expected) => {
    expect(partSizeAdjustment(size, { ...sizing, preferredPartSize })).toEqual(expected);
  });
});
