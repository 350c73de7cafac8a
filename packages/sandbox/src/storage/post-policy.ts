import { ProblemError } from "../problem.js";

/** Lower-cased form field names to values, as the object stores compare them. */
export type FormFields = Map<string, string>;

export interface PostPolicy {
  expiration: string;
  conditions: unknown[];
}

export interface LengthRange {
  min: number;
  max: number;
}

/** Decodes the base64 `policy` field; a bad document is InvalidPolicyDocument (400). */
export function decodePolicy(base64: string): PostPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(base64, "base64").toString("utf8"));
  } catch {
    throw new ProblemError(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
  }
  const { expiration, conditions } = (doc ?? {}) as Partial<PostPolicy>;
  if (typeof expiration !== "string" || Number.isNaN(Date.parse(expiration))) {
    throw new ProblemError(400, "InvalidPolicyDocument", "Invalid Policy: Invalid 'expiration' value.");
  }
  if (!Array.isArray(conditions)) throw new ProblemError(400, "InvalidPolicyDocument", "Invalid Policy: Missing 'conditions'.");
  return { expiration, conditions };
}

export function assertNotExpired(policy: PostPolicy, nowMs: number): void {
  if (Date.parse(policy.expiration) <= nowMs) throw new ProblemError(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
}

/**
 * Checks every condition against the form fields (names compared case-insensitively, values exactly) and returns
 * the content-length-range, if any. `checked` collects the field names the policy covers.
 */
export function checkConditions(policy: PostPolicy, fields: FormFields, checked = new Set<string>()): LengthRange | undefined {
  let range: LengthRange | undefined;
  for (const condition of policy.conditions) {
    if (condition && typeof condition === "object" && !Array.isArray(condition)) {
      const entries = Object.entries(condition);
      if (entries.length !== 1) throw invalidPolicy("Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
      const [name, value] = entries[0] as [string, unknown];
      expectMatch(fields, "eq", name, value, checked, condition);
      continue;
    }
    if (!Array.isArray(condition) || typeof condition[0] !== "string") throw invalidPolicy("Invalid Condition: must be an object or a list.");
    const op = condition[0].toLowerCase();
    if (op === "content-length-range") {
      const [, min, max] = condition as [string, unknown, unknown];
      if (!Number.isInteger(Number(min)) || !Number.isInteger(Number(max)) || Number(max) < Number(min)) {
        throw invalidPolicy("Invalid content-length-range: needs two integers with max >= min.");
      }
      range = { min: Number(min), max: Number(max) };
      continue;
    }
    const [, target, value] = condition as [string, unknown, unknown];
    if (typeof target !== "string" || !target.startsWith("$")) throw invalidPolicy(`Invalid Condition: ${JSON.stringify(condition)}`);
    expectMatch(fields, op, target.slice(1), value, checked, condition);
  }
  return range;
}

function expectMatch(fields: FormFields, op: string, name: string, expected: unknown, checked: Set<string>, condition: unknown): void {
  const key = name.toLowerCase();
  checked.add(key);
  const actual = fields.get(key) ?? "";
  const ok =
    op === "eq"
      ? actual === String(expected)
      : op === "starts-with"
        ? actual.startsWith(String(expected))
        : op === "in" || op === "not-in"
          ? Array.isArray(expected) && expected.map(String).includes(actual) === (op === "in")
          : unknownOperator(op);
  if (!ok) throw new ProblemError(403, "AccessDenied", `Invalid according to Policy: Policy Condition failed: ${formatCondition(condition)}`);
}

function unknownOperator(op: string): never {
  throw invalidPolicy(`Invalid Condition: unknown operator "${op}".`);
}

/** Formats a condition the way S3 and OSS quote it in messages: ["eq", "$key", "v"]. */
function formatCondition(condition: unknown): string {
  if (Array.isArray(condition)) return `[${condition.map((c) => JSON.stringify(c)).join(", ")}]`;
  const [name, value] = Object.entries(condition as object)[0] as [string, unknown];
  return `["eq", "$${name}", ${JSON.stringify(value)}]`;
}

function invalidPolicy(detail: string): ProblemError {
  return new ProblemError(400, "InvalidPolicyDocument", `Invalid Policy: ${detail}`);
}
