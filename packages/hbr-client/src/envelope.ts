import type { EnvelopeParser } from "@direct-upload/client-core";

const HINTS: Record<string, string> = {
  MissingParameter: "Pass a non-empty FileName",
  InvalidParameter: "Check the FileName value",
  SignatureDoesNotMatch: "Check the AccessKey secret, and that nothing between the client and HBR rewrites the request",
  IncompleteSignature: "The Authorization header is malformed; sign the request with signAcs3",
  "InvalidAccessKeyId.NotFound": "Check the AccessKey ID",
  "InvalidTimeStamp.Expired": "Correct the system clock (x-acs-date must be close to the server time) or pass `now`",
  SignatureNonceUsed: "Every request needs a fresh x-acs-signature-nonce; a retry sends a new one",
  "InvalidSecurityToken.Expired": "Refresh the STS credentials and create the client again",
  "Forbidden.RAM": "Grant the RAM identity hbr:CreateTempFileUploadUrl",
};

/** Codes a later retry can succeed with: throttling, outages, and a nonce clash (a retry signs a new nonce). */
function isRetryableCode(code: string): boolean {
  return code.startsWith("Throttling") || code === "ServiceUnavailable" || code === "SignatureNonceUsed";
}

/**
 * HBR errors: a non-2xx `{Code, Message, RequestId}` gateway body, or HTTP 200 with `Success: false`
 * (business failure; the spec marks that shape as inferred).
 */
export const parseHbrEnvelope: EnvelopeParser = ({ status, headers, body }) => {
  if (typeof body !== "object" || body === null) return undefined;
  const envelope = body as { Code?: unknown; Message?: unknown; RequestId?: unknown; Success?: unknown };
  if (status < 400 && envelope.Success !== false) return undefined;
  if (envelope.Code === undefined && envelope.Success !== false) return undefined;
  const vendorCode = envelope.Code === undefined ? "UnknownError" : String(envelope.Code);
  const hint = HINTS[vendorCode];
  return {
    vendorCode,
    vendorMessage: typeof envelope.Message === "string" ? envelope.Message : "",
    requestId: typeof envelope.RequestId === "string" ? envelope.RequestId : (headers.get("x-acs-request-id") ?? undefined),
    retryable: status >= 500 || status === 429 || isRetryableCode(vendorCode),
    ...(hint ? { hint } : {}),
  };
};
