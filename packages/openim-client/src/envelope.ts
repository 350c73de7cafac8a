import type { EnvelopeParser } from "@direct-upload/client-core";

interface Envelope {
  errCode: number;
  errMsg?: unknown;
  errDlt?: unknown;
}

function isEnvelope(body: unknown): body is Envelope {
  return typeof body === "object" && body !== null && typeof (body as { errCode?: unknown }).errCode === "number";
}

const HINTS: Record<number, string> = {
  1001: "Check the request fields and that the token and operationID headers are sent",
  1002: "With a user token the object name must start with '{userID}/'; only admin tokens may use other names",
  90007: "The stored object is not the declared size: upload the exact bytes again after a new initiate_form_data",
  500: "The OpenIM storage backend failed; retry later or check the server's object storage settings",
};
const TOKEN_HINT = "Get a fresh OpenIM token and retry";

function hintFor(errCode: number): string | undefined {
  return errCode >= 1501 && errCode <= 1507 ? TOKEN_HINT : HINTS[errCode];
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * OpenIM answers HTTP 200 even for errors and puts the outcome in `errCode` (0 = success), so a non-zero code
 * is the error. Only 500 (storage driver failure) is worth retrying. A 200 without an envelope is not OpenIM.
 */
export const parseOpenimEnvelope: EnvelopeParser = ({ status, body }) => {
  if (isEnvelope(body)) {
    if (body.errCode === 0) return undefined;
    const detail = text(body.errDlt);
    const hint = hintFor(body.errCode);
    return {
      vendorCode: String(body.errCode),
      vendorMessage: detail ? `${text(body.errMsg)}: ${detail}` : text(body.errMsg),
      retryable: body.errCode === 500,
      ...(hint ? { hint } : {}),
    };
  }
  if (status < 200 || status >= 300) return undefined; // a proxy's answer: reported as HTTP_<status>
  return {
    vendorCode: "INVALID_ENVELOPE",
    vendorMessage: "HTTP 200 without an OpenIM {errCode, errMsg, errDlt} envelope",
    hint: "Check that baseUrl points at the openim-api service (port 10002 by default)",
  };
};
