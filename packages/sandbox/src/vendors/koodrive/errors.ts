import type { ServerResponse } from "node:http";
import type { Problem } from "../../problem.js";
import { sendJson } from "../../server/replies.js";

/** KooDrive result codes (koodrive_05_0026) and the HTTP status the sandbox pairs with each (not published: inferred). */
export const KOODRIVE_ERRORS = {
  BAD_REQUEST: { code: 13000101, name: "Bad Request", status: 400 },
  UNAUTHORIZED: { code: 13000101, name: "Bad Request", status: 401 },
  PARAMETER_INVALID: { code: 13000102, name: "PARAMETER_INVALID", status: 400 },
  INNER_INVOKE_FAILURE: { code: 13000201, name: "INNER_INVOKE_FAILURE", status: 500 },
  FILE_NOT_IN_SPECIFIED_CONTAINER: { code: 13000302, name: "FILE_NOT_IN_SPECIFIED_CONTAINER", status: 403 },
  NOT_EXIST_UPLOAD_TASK: { code: 13000401, name: "NOT_EXIST_UPLOAD_TASK", status: 404 },
  FILE_COMPLETE_CHECK_FAILURE: { code: 13000402, name: "FILE_COMPLETE_CHECK_FAILURE", status: 409 },
} as const;

export type KoodriveError = (typeof KOODRIVE_ERRORS)[keyof typeof KOODRIVE_ERRORS];

/** A KooDrive error as a Problem: the result code, and a message with the error name first, then what went wrong. */
export function koodriveProblem(error: KoodriveError, detail?: string): Problem {
  return { status: error.status, code: String(error.code), message: detail ? `${error.name}: ${detail}` : error.name };
}

/** `{code, msg}`: numeric codes stay numbers, like the real envelope. */
export function sendKoodriveError(res: ServerResponse, { status, code, message }: Problem): void {
  sendJson(res, status, { code: /^\d+$/.test(code) ? Number(code) : code, msg: message });
}
