import type { EnvelopeParser } from "@direct-upload/client-core";

const HINTS: Record<string, string> = {
  MISSING_CREDENTIALS: "Pass an access token, API key or publishable key as `token`",
  ACTION_FORBIDDEN: "The token's identity may not call this API; use a token with storage rights",
  STORAGE_EXCEED_AUTHORITY: "The bucket's permissions or security rules block this object for this identity",
  INVALID_ENV_ID: "Check envId (or baseUrl): the environment does not exist",
  INVALID_HOST: "Check envId (or baseUrl): the host is not a CloudBase gateway",
  ENV_ABNORMAL: "The environment is suspended or abnormal; check it in the CloudBase console",
  OBJECT_BATCH_TOO_LARGE: "Send fewer objects per call (uploadManyToCloudbase splits the batch by itself)",
  OBJECT_ALREADY_EXIST: "The object already exists: pick another path, or delete the object first",
};

/** The hint for a CloudBase error code, if there is one worth giving. */
export function cloudbaseHint(code: string): { hint: string } | Record<string, never> {
  const hint = HINTS[code];
  return hint ? { hint } : {};
}

function isErrorBody(body: unknown): body is { code: string; message?: unknown; requestId?: unknown } {
  return typeof body === "object" && body !== null && typeof (body as { code?: unknown }).code === "string";
}

/**
 * A 200 carries the per-item array (its item errors are matched by position, see matchItems); any other
 * status is a whole-call failure with `{code, message, requestId}`. The request id may also come as X-Request-Id.
 */
export const parseCloudbaseEnvelope: EnvelopeParser = ({ status, headers, body }) => {
  const headerRequestId = headers.get("x-request-id") ?? undefined;
  if (status === 200) {
    if (Array.isArray(body)) return undefined;
    return {
      vendorCode: "INVALID_RESPONSE",
      vendorMessage: "HTTP 200 without the per-item result array",
      requestId: headerRequestId,
      hint: "Check that baseUrl points at the CloudBase gateway",
    };
  }
  if (isErrorBody(body)) {
    return {
      vendorCode: body.code,
      vendorMessage: typeof body.message === "string" ? body.message : "",
      requestId: typeof body.requestId === "string" && body.requestId ? body.requestId : headerRequestId,
      ...cloudbaseHint(body.code),
    };
  }
  return {
    vendorCode: `HTTP_${status}`,
    vendorMessage: typeof body === "string" ? body : "",
    requestId: headerRequestId,
  };
};
