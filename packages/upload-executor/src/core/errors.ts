import { brandError, DirectUploadError, isBrandedError } from "@direct-upload/client-core";

/** The caller's AbortSignal fired. Nothing is retried after this; in-flight requests were destroyed. */
export class UploadAbortedError extends DirectUploadError {
  static override is(value: unknown): value is UploadAbortedError {
    return isBrandedError(value, "UploadAbortedError");
  }

  override name: string = brandError(this, "UploadAbortedError");

  constructor(reason?: unknown) {
    super("aborted", "The upload was aborted", {
      hint: "Start it again with the last checkpoint (resumeFrom) to send only what is missing",
      cause: reason,
    });
  }
}

/** The request got no HTTP answer (connection refused or reset, DNS, TLS, browser network error). */
export class NetworkError extends DirectUploadError {
  static override is(value: unknown): value is NetworkError {
    return isBrandedError(value, "NetworkError");
  }

  override name: string = brandError(this, "NetworkError");

  /** Node error code such as ECONNRESET, when there is one. */
  readonly errno: string | undefined;

  constructor(operation: string, cause: unknown) {
    const errno = errorCode(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    super("network_error", `${operation} got no response: ${detail}${errno && !detail.includes(errno) ? ` (${errno})` : ""}`, {
      retryable: true,
      hint: "Check the network connection; the request is retried automatically",
      cause,
    });
    this.errno = errno;
  }
}

/** No upload progress for `stallTimeoutMs`: the connection is presumed dead and the request is retried. */
export class StallError extends DirectUploadError {
  static override is(value: unknown): value is StallError {
    return isBrandedError(value, "StallError");
  }

  override name: string = brandError(this, "StallError");

  constructor(operation: string, timeoutMs: number) {
    super("stalled", `${operation} sent no bytes for ${timeoutMs} ms`, {
      retryable: true,
      hint: "The request is retried automatically; raise stallTimeoutMs on very slow links",
    });
  }
}

/** The body was fully sent but the server did not answer within `responseTimeoutMs`. */
export class ResponseTimeoutError extends DirectUploadError {
  static override is(value: unknown): value is ResponseTimeoutError {
    return isBrandedError(value, "ResponseTimeoutError");
  }

  override name: string = brandError(this, "ResponseTimeoutError");

  constructor(operation: string, timeoutMs: number) {
    super("response_timeout", `${operation} sent its body but got no answer within ${timeoutMs} ms`, {
      retryable: true,
      hint: "The request is retried automatically; raise responseTimeoutMs if the server is slow to process large parts",
    });
  }
}

/** A request's URL is not an absolute http(s) URL (a vendor answer or a setting such as storageUrl is wrong). */
export class InvalidUploadUrlError extends DirectUploadError {
  static override is(value: unknown): value is InvalidUploadUrlError {
    return isBrandedError(value, "InvalidUploadUrlError");
  }

  override name: string = brandError(this, "InvalidUploadUrlError");

  constructor(operation: string, cause?: unknown) {
    // The URL itself stays out of the message: its query may hold signatures.
    super("invalid_upload_url", `${operation} has no valid http(s) URL to send to`, {
      hint: "Check the endpoint and storage URL settings; if they are right, the vendor answered with a malformed upload URL",
      cause,
    });
  }
}

/** Parses a request URL, or throws InvalidUploadUrlError instead of the platform's SyntaxError or TypeError. */
export function parseUploadUrl(url: string, operation: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new InvalidUploadUrlError(operation, error);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new InvalidUploadUrlError(operation);
  return parsed;
}

/** The plan cannot work (bad part layout, file too large for the vendor limits, missing targets). */
export class PlanError extends DirectUploadError {
  static override is(value: unknown): value is PlanError {
    return isBrandedError(value, "PlanError");
  }

  override name: string = brandError(this, "PlanError");

  constructor(message: string, hint?: string) {
    super("invalid_plan", message, hint === undefined ? {} : { hint });
  }
}

/** A checkpoint that does not belong to this plan or source (different layout or size). */
export class CheckpointMismatchError extends DirectUploadError {
  static override is(value: unknown): value is CheckpointMismatchError {
    return isBrandedError(value, "CheckpointMismatchError");
  }

  override name: string = brandError(this, "CheckpointMismatchError");

  constructor(detail: string) {
    super("checkpoint_mismatch", `The checkpoint does not match this upload: ${detail}`, {
      hint: "Start a new upload without resumeFrom; this checkpoint was made for another file or part layout",
    });
  }
}

export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

/**
 * The storage answered from another origin than the one it was sent to: XMLHttpRequest follows redirects and cannot
 * be told not to, so the answer is refused. (node:http never follows one: a 3xx there is a StorageError.)
 */
export class StorageRedirectError extends DirectUploadError {
  static override is(value: unknown): value is StorageRedirectError {
    return isBrandedError(value, "StorageRedirectError");
  }

  override name: string = brandError(this, "StorageRedirectError");

  constructor(operation: string, origin: string) {
    super("storage_redirect", `${operation} was redirected to ${origin}; the answer was refused`, {
      hint: "Upload targets must answer directly; check the vendor's storage settings or any proxy in between",
    });
  }
}
