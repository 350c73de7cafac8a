import type { EnvelopeParser } from "@direct-upload/client-core";

const HINTS: Record<string, string> = {
  "NotFound.UploadId": "The upload is gone or already completed; read the file to confirm, or create it again",
  "AlreadyExist.File": "A rapid upload already finished this file; treat it as uploaded",
  AccessTokenInvalid: "Refresh the access token and retry",
  TokenExpired: "Refresh the access token and retry",
  ShareLinkTokenInvalid: "Refresh the share token and retry",
  "InvalidParameterNotSupported.ParallelUpload": "This domain has no parallel upload; create the file with parallel_upload false",
};

/**
 * PDS errors are `{code, message}` with a matching HTTP status; some answers use `{Code, Message, RequestId}`,
 * and gateway errors may only set `x-ca-error-code` / `x-ca-error-message`. Successful answers have no code.
 */
export const parsePdsEnvelope: EnvelopeParser = ({ status, headers, body }) => {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = text(fields.code) ?? text(fields.Code) ?? headers.get("x-ca-error-code") ?? undefined;
  if (code === undefined) return undefined;
  const hint = HINTS[code];
  return {
    vendorCode: code,
    vendorMessage: text(fields.message) ?? text(fields.Message) ?? headers.get("x-ca-error-message") ?? "",
    requestId: headers.get("x-ca-request-id") ?? text(fields.RequestId) ?? text(fields.request_id),
    retryable: status === 429 || status >= 500,
    ...(hint ? { hint } : {}),
  };
};

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
