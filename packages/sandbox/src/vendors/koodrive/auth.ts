import type { IncomingHttpHeaders } from "node:http";
import type { Problem } from "../../problem.js";
import { APP_SIGNED_HEADERS, expectedAppSignature, sameSignature } from "./app-signature.js";
import { KOODRIVE_ERRORS, koodriveProblem } from "./errors.js";

const MAX_SKEW_MS = 15 * 60 * 1000;

/** Who calls: the app-auth signature to check against the body, or undefined for a bearer token. */
export interface KoodriveCaller {
  appSignature: string | undefined;
}

/**
 * Token authentication as documented: `Authorization: Bearer {token}` (the docs write "Bearer+{token}", so both
 * separators are accepted), or app authentication `HMAC-SHA256 AppId=..,SignedHeaders=host;x-date;x-user-id,
 * Signature=..` (its signature is checked with the body, in checkRawBody); then `X-User-Id` of the user, and `X-Date`
 * (yyyyMMdd'T'HHmmss'Z') no later than now and at most 15 minutes old.
 */
export function koodriveAuthenticate(headers: IncomingHttpHeaders, expected: { token: string; userId: string; appId: string }, now: number): KoodriveCaller | Problem {
  const refused = (reason: string) => koodriveProblem(KOODRIVE_ERRORS.UNAUTHORIZED, reason);
  const authorization = headers.authorization ?? "";
  const app = /^HMAC-SHA256 AppId=([^,]*),SignedHeaders=([^,]*),Signature=([0-9a-f]{64})$/.exec(authorization);
  let caller: KoodriveCaller = { appSignature: undefined };
  if (app) {
    if (app[1] !== expected.appId) return refused("the AppId is unknown");
    if (app[2] !== APP_SIGNED_HEADERS) return refused(`SignedHeaders must be ${APP_SIGNED_HEADERS}`);
    caller = { appSignature: app[3] };
  } else {
    const match = /^Bearer[ +](.+)$/.exec(authorization);
    if (!match || match[1] !== expected.token) return refused("the access token is missing, invalid or expired");
  }
  if (headers["x-user-id"] !== expected.userId) return refused("X-User-Id does not match the access token's user");
  const date = parseXDate(String(headers["x-date"] ?? ""));
  if (date === undefined) return refused("X-Date must be yyyyMMdd'T'HHmmss'Z' in UTC");
  // X-Date has whole seconds: allow the current second itself.
  if (date > now + 999) return refused("X-Date is later than the server time");
  if (now - date > MAX_SKEW_MS) return refused("X-Date is more than 15 minutes old");
  return caller;
}

/** The second half of app authentication: the signature the caller sent must be the one of this request and body. */
export function checkAppSignature(request: { method: string; url: URL; headers: IncomingHttpHeaders }, body: string, signature: string, appSecret: string): Problem | undefined {
  const { headers } = request;
  const signed = { host: headers.host ?? "", "x-date": String(headers["x-date"] ?? ""), "x-user-id": String(headers["x-user-id"] ?? "") };
  const expected = expectedAppSignature({ method: request.method, url: request.url, headers: signed, body, appSecret });
  return sameSignature(expected, signature) ? undefined : koodriveProblem(KOODRIVE_ERRORS.UNAUTHORIZED, "the app-auth signature does not match the request");
}

/** Formats a time the way X-Date expects. */
export function formatXDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function parseXDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
