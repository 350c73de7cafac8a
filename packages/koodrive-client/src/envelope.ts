import type { EnvelopeParser } from "@direct-upload/client-core";

/** Error codes a retry can fix (internal call failure, file state change failure). */
const RETRYABLE = new Set(["13000201", "13000403"]);

const HINTS: Record<string, string> = {
  "13000101": "Fix the request fields",
  "13000102": "A parameter failed validation; check partSize, partOffset and hashCtx",
  "13000201": "KooDrive had an internal failure; retry later",
  "13000301": "The user's KooDrive space is missing or abnormal",
  "13000302": "The file is not in the given folder or container",
  "13000401": "The upload task no longer exists; create the file again",
  "13000402": "The integrity check failed (midstate chain or SHA-256); upload the whole file again",
  "13000403": "KooDrive could not change the file state; retry",
};

/** Every KooDrive answer is `{code, msg, ...}`; any code other than 0 (number or string) is an error. */
export const parseKoodriveEnvelope: EnvelopeParser = ({ status, headers, body }) => {
  const envelope = typeof body === "object" && body !== null ? (body as { code?: unknown; msg?: unknown }) : undefined;
  const code = envelope?.code;
  // A code that is not a number or string is no KooDrive answer: the reply check then names the field.
  if ((typeof code !== "number" && typeof code !== "string") || String(code) === "0") return undefined;
  const vendorCode = String(code);
  const hint = HINTS[vendorCode];
  return {
    vendorCode,
    vendorMessage: typeof envelope?.msg === "string" ? envelope.msg : "",
    requestId: headers.get("x-request-id") ?? headers.get("x-traceid") ?? undefined,
    retryable: RETRYABLE.has(vendorCode) || status >= 500 || status === 429,
    ...(hint ? { hint } : {}),
  };
};
