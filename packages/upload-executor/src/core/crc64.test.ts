import { randomBytes } from "node:crypto";
import { crc64 as reference } from "crc64-ecma182.js";
import { describe, expect, it } from "vitest";
import { Crc64, crc64OfSource } from "./crc64.js";
import { fromUint8Array } from "./source.js";

describe("Crc64 (CRC-64/ECMA-182 as OSS computes it)", () => {
  it("gives the catalogue's check value and the empty input's CRC", () => {
    // RevEng catalogue, CRC-64/XZ: check = 0x995dc9bbdf1939fa over "123456789".
    expect(new Crc64().update(new TextEncoder().encode("123456789")).decimal()).toBe(BigInt("0x995dc9bbdf1939fa").toString());
    expect(new Crc64().decimal()).toBe("0");
  });

  it("matches the independent crc64-ecma182.js for many lengths, however the bytes are split", () => {
    for (const length of [1, 7, 8, 9, 63, 64, 65, 1000, 100_003]) {
      const bytes = randomBytes(length);
      const expected = reference(bytes);
      expect(new Crc64().update(bytes).decimal()).toBe(expected);
      const split = Math.floor(length / 3);
      expect(new Crc64().update(bytes.subarray(0, split)).update(bytes.subarray(split)).decimal()).toBe(expected);
    }
  });

  it("reads a whole source in chunks", async () => {
    const bytes = randomBytes(3 * 1024 + 5);
    expect(await crc64OfSource(fromUint8Array(bytes, "x.bin"), undefined, 1024)).toBe(reference(bytes));
  });
});
