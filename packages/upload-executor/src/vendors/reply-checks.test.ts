import { InvalidReplyError } from "@direct-upload/client-core";
import { describe, expect, it } from "vitest";
import { checkPartNumbers, checkedUrl } from "./reply-checks.js";

const place = { vendor: "acme", operation: "/parts", list: "/parts", field: "n" };

describe("reply checks", () => {
  it.each(["file:///etc/passwd", "javascript:alert(1)", "", "//host/x", "ftp://h/x"])("refuses %j as a storage URL", (url) => {
    const error = (() => {
      try {
        return checkedUrl({ ...place, pointer: "/url" }, url);
      } catch (e) {
        return e;
      }
    })() as InvalidReplyError;
    expect(error).toBeInstanceOf(InvalidReplyError);
    expect(error.message).toBe(`acme /parts sent an unusable reply: /url must be an http(s) URL. ${error.hint}`);
  });

  it("keeps an http(s) URL", () => {
    expect(checkedUrl({ ...place, pointer: "/url" }, "https://b.example/k?sig=1")).toBe("https://b.example/k?sig=1");
  });

  it.each([
    [[1, 1], "/parts/1/n", "must not repeat part 1"],
    [[1, 7], "/parts/1/n", "must be one of the part numbers asked for"],
    [[1, undefined], "/parts/1/n", "must be one of the part numbers asked for"],
    [[2], "/parts", "must hold part(s) 1"],
  ])("refuses part numbers %j at %s", (numbers, pointer, expected) => {
    const run = () => checkPartNumbers(place, numbers, new Set([1, 2]), true);
    expect(run).toThrow(InvalidReplyError);
    expect(run).toThrow(expect.objectContaining({ pointer, expected }));
  });

  it("accepts every part once, and a partial list when not complete", () => {
    expect(() => checkPartNumbers(place, [2, 1], new Set([1, 2]), true)).not.toThrow();
    expect(() => checkPartNumbers(place, [2], new Set([1, 2]), false)).not.toThrow();
  });
});
