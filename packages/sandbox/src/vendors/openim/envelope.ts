import type { IncomingMessage, ServerResponse } from "node:http";

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

/** OpenIM answers every business outcome with HTTP 200 and an {errCode, errMsg, errDlt, data?} envelope. */
export function sendEnvelope(res: ServerResponse, data: unknown): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify({ errCode: 0, errMsg: "", errDlt: "", data }));
}

export function sendOpenimError(res: ServerResponse, [errCode, errMsg]: OpenimError, errDlt: string): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify({ errCode, errMsg, errDlt }));
}

/**
 * Injected faults: a 200 fault is an OpenIM error envelope (`code` = a known errCode, else 500); any other status is what a proxy in
 * front of openim-api would send (plain text), since OpenIM itself never answers non-200.
 */
export function sendOpenimFault(res: ServerResponse, status: number, code: string, message: string): void {
  if (status === 200) {
    const known = Object.values(OPENIM_ERRORS).find(([errCode]) => String(errCode) === code) ?? OPENIM_ERRORS.internal;
    return sendOpenimError(res, known, message);
  }
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(`${code}: ${message}`);
}

export interface OpenimCaller {
  userId: string;
  admin: boolean;
}

/** Header checks in the order of the gin middleware: operationID first, then token. */
export function authenticate(req: IncomingMessage, tokens: Map<string, OpenimCaller>): OpenimCaller | [OpenimError, string] {
  const operationId = req.headers["operationid"];
  if (typeof operationId !== "string" || operationId === "") return [OPENIM_ERRORS.args, "header must have operationID"];
  const token = req.headers["token"];
  if (typeof token !== "string" || token === "") return [OPENIM_ERRORS.args, "header must have token"];
  const caller = tokens.get(token);
  if (caller) return caller;
  // A JWT-shaped token that is not in the token cache vs. something that cannot be parsed at all.
  return token.split(".").length === 3 ? [OPENIM_ERRORS.tokenNotExist, ""] : [OPENIM_ERRORS.tokenMalformed, ""];
}

/** checkUploadName of internal/rpc/third/tool.go. */
export function checkUploadName(name: string, caller: OpenimCaller): [OpenimError, string] | undefined {
  if (name.startsWith("/")) return [OPENIM_ERRORS.args, "name cannot start with `/`"];
  if (!caller.admin && !name.startsWith(`${caller.userId}/`)) return [OPENIM_ERRORS.noPermission, `name must start with \`${caller.userId}/\``];
  return undefined;
}
