import { describe, expect, it } from "vitest";
import { assertNotExpired, checkConditions, decodePolicy, type PostPolicy } from "./post-policy.js";
import { ProblemError } from "../problem.js";

const policy = (conditions: unknown[]): PostPolicy => ({ expiration: "2030-01-01T00:00:00.000Z", conditions });
const fields = (entries: Record<string, string>) => new Map(Object.entries(entries));

function rejection(run: () => unknown): Pick<ProblemError, "status" | "code" | "message"> {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a ProblemError");
}

describe("POST policy conditions", () => {
  it("checks eq, starts-with, in and not-in with case-insensitive names", () => {
    const conditions = [
      { bucket: "b" },
      ["starts-with", "$Key", "user/"],
      ["in", "$content-type", ["image/png", "image/jpeg"]],
      ["not-in", "$cache-control", ["no-cache"]],
      ["content-length-range", 1, 10],
    ];
    expect(checkConditions(policy(conditions), fields({ bucket: "b", key: "user/a", "content-type": "image/png", "cache-control": "max-age=1" }))).toEqual({ min: 1, max: 10 });
    expect(rejection(() => checkConditions(policy(conditions), fields({ bucket: "b", key: "user/a", "content-type": "text/html" })))).toEqual({
      status: 403,
      code: "AccessDenied",
      message: 'Invalid according to Policy: Policy Condition failed: ["in", "$content-type", ["image/png","image/jpeg"]]',
    });
    expect(rejection(() => checkConditions(policy(conditions), fields({ bucket: "b", key: "user/a", "content-type": "image/png", "cache-control": "no-cache" }))).code).toBe(
      "AccessDenied",
    );
    expect(rejection(() => checkConditions(policy([{ bucket: "other" }]), fields({ bucket: "b" }))).message).toBe(
      'Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "other"]',
    );
  });

  it("rejects malformed policies as InvalidPolicyDocument", () => {
    expect(rejection(() => checkConditions(policy([{ a: "1", b: "2" }]), fields({}))).message).toBe(
      "Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.",
    );
    expect(rejection(() => checkConditions(policy([["content-length-range", 10, 1]]), fields({}))).code).toBe("InvalidPolicyDocument");
    expect(rejection(() => checkConditions(policy([["matches", "$key", "x"]]), fields({}))).code).toBe("InvalidPolicyDocument");
    expect(rejection(() => decodePolicy(Buffer.from('{"expiration":"2030-01-01T00:00:00.000Z"}').toString("base64"))).message).toBe("Invalid Policy: Missing 'conditions'.");
    expect(rejection(() => decodePolicy("not base64 json")).code).toBe("InvalidPolicyDocument");
  });

  it("expires at the policy expiration", () => {
    const p = policy([]);
    expect(() => assertNotExpired(p, Date.parse(p.expiration) - 1)).not.toThrow();
    expect(rejection(() => assertNotExpired(p, Date.parse(p.expiration))).message).toBe("Invalid according to Policy: Policy expired.");
  });
});
