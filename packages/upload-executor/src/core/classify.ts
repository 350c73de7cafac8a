import { DirectUploadError } from "@direct-upload/client-core";
import { NetworkError, ResponseTimeoutError, StallError, UploadAbortedError, errorCode } from "./errors.js";
import { StorageError } from "./storage-error.js";

/**
 * What to do after a failed request: `retry` after backoff, `renew` the target (expired URL or policy) and retry,
 * `fatal` to stop, `abort` because the caller cancelled.
 */
export type FailureKind = "retry" | "renew" | "fatal" | "abort";

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
]);
const NETWORK_MESSAGES = /socket hang up|failed to fetch|networkerror when attempting to fetch|load failed|network error|network request failed/i;
const THROTTLING_CODES = new Set(["SlowDown", "Throttling", "ThrottlingException", "TooManyRequests", "RequestThrottled"]);
const RETRYABLE_CODES = new Set([...THROTTLING_CODES, "RequestTimeTooSkewed", "RequestTimeout", "InternalError", "ServiceUnavailable", "OperationAborted"]);
const EXPIRED_CODES = new Set(["RequestExpired", "ExpiredToken", "TokenExpired", "AccessTokenExpired"]);

export function isExpiry(error: StorageError): boolean {
  if (EXPIRED_CODES.has(error.storageCode)) return true;
  return (error.status === 403 || error.storageCode === "AccessDenied") && /expired/i.test(error.storageMessage);
}

/** The storage asks for fewer requests: a 429, a 503 or a throttling code. Shared limits back off on it. */
export function isThrottling(error: unknown): boolean {
  return StorageError.is(error) && (error.status === 429 || error.status === 503 || THROTTLING_CODES.has(error.storageCode));
}

export function classifyFailure(error: unknown): FailureKind {
  if (UploadAbortedError.is(error)) return "abort";
  if (StorageError.is(error)) {
    if (isExpiry(error)) return "renew";
    if (RETRYABLE_CODES.has(error.storageCode)) return "retry";
    if (error.status === 429 || error.status === 408) return "retry";
    if (error.status >= 500 && error.status !== 501 && error.status !== 505) return "retry";
    return "fatal";
  }
  if (NetworkError.is(error) || StallError.is(error) || ResponseTimeoutError.is(error)) return "retry";
  if (DirectUploadError.is(error)) return error.retryable ? "retry" : "fatal";
  const code = errorCode(error);
  if (code && NETWORK_CODES.has(code)) return "retry";
  if (error instanceof Error && (error.name === "TypeError" || error.name === "Error") && NETWORK_MESSAGES.test(error.message)) return "retry";
  return "fatal";
}
