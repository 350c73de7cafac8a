import type { IncomingHttpHeaders } from "node:http";
import type { Problem } from "../../problem.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";

const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Token authentication as documented: `Authorization: Bearer {token}` (the docs write "Bearer+{token}", so both
 * separators are accepted), `X-User-Id` of the token's user, and `X-Date` (yyyyMMdd'T'HHmmss'Z') no later than
 * now and at most 15 minutes old. Returns what is wrong, or undefined when the request is authenticated.
 */
export function koodriveAuthProblem(headers: IncomingHttpHeaders, expected: { token: string; userId: string }, now: number): Problem | undefined {
  const refused = (reason: string) => koodriveProblem(KOODRIVE_ERRORS.UNAUTHORIZED, reason);
  const match = /^Bearer[ +](.+)$/.exec(headers.authorization ?? "");
  if (!match || match[1] !== expected.token) return refused("the access token is missing, invalid or expired");
  if (headers["x-user-id"] !== expected.userId) return refused("X-User-Id does not match the access token's user");
  const date = parseXDate(String(headers["x-date"] ?? ""));
  if (date === undefined) return refused("X-Date must be yyyyMMdd'T'HHmmss'Z' in UTC");
  // X-Date has whole seconds: allow the current second itself.
  if (date > now + 999) return refused("X-Date is later than the server time");
  if (now - date > MAX_SKEW_MS) return refused("X-Date is more than 15 minutes old");
  return undefined;
}

/** Formats a time the way X-Date expects. */
export function formatXDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function parseXDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
