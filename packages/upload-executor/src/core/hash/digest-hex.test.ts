import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { digestHex } from "./digest-hex.js";

const bytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7 + 3) & 255);
const expected = (algorithm: string) => createHash(algorithm).update(bytes).digest("hex");

describe("digestHex", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(["sha1", "sha256"] as const)("gives the %s digest with WebCrypto", async (algorithm) => {
    expect(await digestHex(algorithm, bytes)).toBe(expected(algorithm));
  });

  it.each(["sha1", "sha256"] as const)("gives the %s digest with hash-wasm where there is no crypto.subtle (a page on plain http://)", async (algorithm) => {
    vi.stubGlobal("crypto", {});
    expect(await digestHex(algorithm, bytes)).toBe(expected(algorithm));
  });
});
