import { describe, expect, it } from "vitest";
import { redact, safeUrl, vendorText } from "./redact.js";

describe("safeUrl", () => {
  it("masks signature, credential and token query values but keeps the rest", () => {
    const out = safeUrl("https://b.example/k?X-Amz-Signature=abc123&X-Amz-Credential=AK%2F2026&partNumber=3&q-signature=ff&x-cos-security-token=tok");
    expect(out).not.toMatch(/abc123|AK%2F2026|=ff|=tok/);
    expect(out).toContain("partNumber=3");
    expect(out).toBe("https://b.example/k?X-Amz-Signature=***&X-Amz-Credential=***&partNumber=3&q-signature=***&x-cos-security-token=***");
  });

  it("drops userinfo and survives garbage", () => {
    expect(safeUrl("https://user:pass@h.example/p")).toBe("https://h.example/p");
    expect(safeUrl("not a url")).toBe("<invalid url>");
  });
});

describe("redact", () => {
  it("replaces every occurrence of each secret and ignores short or missing ones", () => {
    expect(redact("token s3cr3t and s3cr3t again, id 42", ["s3cr3t", undefined, "42"])).toBe("token *** and *** again, id 42");
  });
});

describe("redact and vendorText", () => {
  const secret = "0123456789abcdefghij";

  it("masks any 8-character piece of a secret, as left by someone else's cut", () => {
    const out = redact(`cut: ${secret.slice(5, 15)} and ${secret.slice(0, 9)}`, [secret]);
    for (let i = 0; i + 8 <= secret.length; i++) expect(out).not.toContain(secret.slice(i, i + 8));
  });

  it("redacts before it cuts, masks signed URLs and drops control characters", () => {
    const out = vendorText(`${"x".repeat(195)} ${secret} \u0000\u001b[31m https://h.example/o?sign=abc12345&a=1`, [secret], 200);
    expect(out).not.toMatch(/012345|\u0000|\u001b/);
    expect(vendorText(`see https://h.example/o?sign=abc12345&a=1\nnext`, [])).toBe("see https://h.example/o?sign=***&a=1 next");
  });
});
