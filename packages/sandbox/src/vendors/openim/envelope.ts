import type { ServerResponse } from "node:http";
import type { Problem } from "../../problem.js";

/** errCode/errMsg pairs of tools:errs/predefine.go and servererrs/code.go that these calls can return. */
export const OPENIM_ERRORS = {
  args: [1001, "ArgsError"],
  noPermission: [1002, "NoPermissionError"],
  tokenMalformed: [1503, "TokenMalformedError"],
  tokenNotExist: [1507, "TokenNotExistError"],
  data: [90007, "DataError"],
  internal: [500, "ServerInternalError"],
} as const satisfies Record<string, readonly [number, string]>;

export type OpenimError = (typeof OPENIM_ERRORS)[keyof typeof OPENIM_ERRORS];

/** An OpenIM error as a Problem: HTTP 200 (OpenIM's only status), the errCode as code and the errDlt as message. */
export function openimProblem([errCode]: OpenimError, errDlt: string): Problem {
  return { status: 200, code: String(errCode), message: errDlt };
}

/** OpenIM answers every business outcome with HTTP 200 and an {errCode, errMsg, errDlt, data?} envelope. */
export function sendEnvelope(res: ServerResponse, data: unknown): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify({ errCode: 0, errMsg: "", errDlt: "", data }));
}

/**
 * A 200 Problem is an OpenIM error envelope (`code` = a known errCode, else 500); any other status is what a proxy in
 * front of openim-api would send (plain text), since OpenIM itself never answers non-200.
 */
export function sendOpenimError(res: ServerResponse, { status, code, message }: Problem): void {
  if (status !== 200) {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(`${code}: ${message}`);
    return;
  }
  const [errCode, errMsg] = Object.values(OPENIM_ERRORS).find(([known]) => String(known) === code) ?? OPENIM_ERRORS.internal;
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify({ errCode, errMsg, errDlt: message }));
}
