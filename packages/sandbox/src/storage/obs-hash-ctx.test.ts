import { describe, expect, it } from "vitest";
import { decodeHashCtx, encodeHashCtx } from "./obs-hash-ctx.js";

// Part 46 of the KooDrive uploadUrl example: the exact context string the real service put in the URL.
const SEED_H = [1748048713, 2644528514, 4267727253, 2252747490, 4036182088, 2253856463, 526139147, 2194267752];
const SEED_OFFSET = 471859200;
const SEED_CTX =
  "eyJtZF9sZW4iOjMyLCJudW0iOjAsImgiOlsxNzQ4MDQ4NzEzLDI2NDQ1Mjg1MTQsNDI2NzcyNzI1MywyMjUyNzQ3NDkwLDQwMzYxODIwODgsMjI1Mzg1NjQ2Myw1MjYxMzkxNDcsMjE5NDI2Nzc1Ml0sIm5oIjowLCJubCI6Mzc3NDg3MzYwMCwiaGFzaF90eXBlIjoic2hhMjU2In0=";

describe("X-Amz-Iteration-Hash-Ctx", () => {
  it("encodes the seed's part 46 byte for byte", () => {
    expect(encodeHashCtx({ algorithm: "sha256", h: SEED_H, offset: SEED_OFFSET })).toBe(SEED_CTX);
  });

  it("round-trips offsets past 512 MiB through the high word", () => {
    const state = { algorithm: "sha256" as const, h: SEED_H, offset: 545259520 };
    const json = JSON.parse(Buffer.from(encodeHashCtx(state), "base64").toString()) as { nh: number; nl: number };
    expect(json).toMatchObject({ nh: 1, nl: 67108864 });
    expect(decodeHashCtx(encodeHashCtx(state))).toEqual(state);
  });

  it("refuses contexts it cannot resume from", () => {
    const bad = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64");
    const base = { md_len: 32, num: 0, h: SEED_H, nh: 0, nl: 512, hash_type: "sha256" };
    expect(decodeHashCtx(bad({ ...base, num: 3 }))).toBeUndefined();
    expect(decodeHashCtx(bad({ ...base, hash_type: "sha1" }))).toBeUndefined();
    expect(decodeHashCtx(bad({ ...base, h: [-1, ...SEED_H.slice(1)] }))).toBeUndefined();
    expect(decodeHashCtx(bad({ ...base, nl: 4 }))).toBeUndefined();
    expect(decodeHashCtx("not base64 json")).toBeUndefined();
  });
});
