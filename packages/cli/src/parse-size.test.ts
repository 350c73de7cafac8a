import { describe, expect, it } from "vitest";
import { parseSize } from "./parse-size.js";

describe("parseSize", () => {
  it.each([
    ["8388608", 8388608],
    ["5MiB", 5 * 1024 * 1024],
    ["5m", 5 * 1024 * 1024],
    ["16MB", 16_000_000],
    ["1.5 KiB", 1536],
    ["2GiB", 2 * 1024 ** 3],
  ])("reads %s as %i bytes", (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(["", "five", "5XB", "-1", "1.5"])("refuses %j", (text) => {
    expect(parseSize(text)).toBeUndefined();
  });
});
