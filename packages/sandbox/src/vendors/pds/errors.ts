import type { ServerResponse } from "node:http";
import type { Problem } from "../../problem.js";
import { sendJson } from "../../server/replies.js";

/** PDS API error `{code, message}` with a matching HTTP status; the request id goes in `x-ca-request-id`. */
export function sendPdsError(res: ServerResponse, { status, code, message }: Problem): void {
  const requestId = `SANDBOX-${Date.now().toString(16).toUpperCase()}`;
  sendJson(res, status, { code, message, request_id: requestId }, { "x-ca-request-id": requestId });
}
