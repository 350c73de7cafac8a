import { describe, expect, it } from "vitest";
import type { MultipartCheckpoint } from "../../core/multipart/checkpoint.js";
import { reconcileDone } from "./pds-resume.js";

const h = (seed: number) => [seed, seed + 1, seed + 2, seed + 3, seed + 4];

const checkpoint: MultipartCheckpoint = {
  version: 1,
  kind: "multipart",
  fingerprint: "f",
  size: 4 * 1024 + 10,
  parts: [
    { number: 1, offset: 0, size: 1024 },
    { number: 2, offset: 1024, size: 1024 },
    { number: 3, offset: 2048, size: 1024 },
    { number: 4, offset: 3072, size: 1024 },
    { number: 5, offset: 4096, size: 10 },
  ],
  done: [
    { number: 1, offset: 0, size: 1024, etag: '"A"' },
    { number: 4, offset: 3072, size: 1024, etag: '"LOST"' },
  ],
  midstates: { 2: { sha1: { algorithm: "sha1", h: h(2), offset: 1024 } }, 3: { sha1: { algorithm: "sha1", h: h(3), offset: 2048 } } },
};

describe("reconcileDone", () => {
  it("takes the parts PDS holds as done, with their ETags, and drops the ones it lost", () => {
    const reconciled = reconcileDone(
      checkpoint,
      [
        { part_number: 1, part_size: 1024, etag: '"A"', parallel_sha1_ctx: { h: [], part_offset: 0 } },
        { part_number: 2, part_size: 1024, etag: '"B"', parallel_sha1_ctx: { h: h(2), part_offset: 1024 } },
        { part_number: 5, part_size: 10, etag: '"E"' },
      ],
      "sha1",
    );
    expect(reconciled.done).toEqual([
      { number: 1, offset: 0, size: 1024, etag: '"A"' },
      { number: 2, offset: 1024, size: 1024, etag: '"B"' },
      { number: 5, offset: 4096, size: 10, etag: '"E"' },
    ]);
    expect(reconciled.parts).toBe(checkpoint.parts);
  });

  it("sends again a stored part that does not fit the layout or the recorded chain", () => {
    const reconciled = reconcileDone(
      checkpoint,
      [
        { part_number: 2, part_size: 1000, etag: '"short"' },
        { part_number: 3, part_size: 1024, etag: '"other state"', parallel_sha1_ctx: { h: h(99), part_offset: 2048 } },
        { part_number: 4, part_size: 1024, etag: '"moved"', parallel_sha1_ctx: { h: h(4), part_offset: 64 } },
        { part_number: 5, part_size: 10 },
        { part_number: 6, part_size: 10, etag: '"not in the layout"' },
      ],
      "sha1",
    );
    expect(reconciled.done).toEqual([]);
  });
});
