import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Problem } from "../../problem.js";

/** Alibaba Cloud API gateway error `{Code, Message, RequestId, HostId}` with the request id in `x-acs-request-id`. */
export function sendAcsError(res: ServerResponse, { status, code, message }: Problem): void {
  const RequestId = randomUUID().toUpperCase();
  res.writeHead(status, { "Content-Type": "application/json;charset=utf-8", "x-acs-request-id": RequestId });
  res.end(JSON.stringify({ Code: code, Message: message, RequestId, HostId: "hbr.sandbox.aliyuncs.com" }));
}
