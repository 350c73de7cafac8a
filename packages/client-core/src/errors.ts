/** Shared through the global symbol registry, so every copy of client-core (ESM, CJS, bundled twice) sees one brand. */
const BRAND = Symbol.for("direct-upload.error");

/**
 * Adds `name` to the error's lineage and returns it. Class field initialisers run base first, so the lineage lists
 * every class of the chain; `is()` reads it instead of `instanceof`, which fails across copies of a package.
 */
export function brandError(error: Error, name: string): string {
  const lineage = (error as { [BRAND]?: string[] })[BRAND];
  if (lineage) lineage.push(name);
  else Object.defineProperty(error, BRAND, { value: [name] });
  return name;
}

/** True when `value` was made by the error class called `name` (or a subclass), from any copy of its package. */
export function isBrandedError(value: unknown, name: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  const lineage = (value as { [BRAND]?: unknown })[BRAND];
  return Array.isArray(lineage) && lineage.includes(name);
}

/** Base of every error thrown by @direct-upload packages: a stable `code`, whether a retry can help, and what to do. */
export class DirectUploadError extends Error {
  /** True for a DirectUploadError from any copy of the packages; use it instead of `instanceof`. */
  static is(value: unknown): value is DirectUploadError {
    return isBrandedError(value, "DirectUploadError");
  }

  // An explicit string: minifiers rename classes, so `new.target.name` would read "m" in production logs.
  override name: string = brandError(this, "DirectUploadError");

  readonly code: string;
  readonly retryable: boolean;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { retryable?: boolean; hint?: string; cause?: unknown } = {}) {
    super(options.hint ? `${message}. ${options.hint}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.hint = options.hint;
  }
}

export interface VendorApiErrorInit {
  vendor: string;
  operation: string;
  status: number;
  vendorCode: string;
  vendorMessage: string;
  requestId?: string | undefined;
  retryable?: boolean;
  hint?: string;
}

/** The vendor answered with an error (HTTP status or error envelope). Carries the vendor's own code and message. */
export class VendorApiError extends DirectUploadError {
  static override is(value: unknown): value is VendorApiError {
    return isBrandedError(value, "VendorApiError");
  }

  override name: string = brandError(this, "VendorApiError");

  readonly vendor: string;
  readonly operation: string;
  readonly status: number;
  readonly vendorCode: string;
  readonly vendorMessage: string;
  readonly requestId: string | undefined;

  constructor(init: VendorApiErrorInit) {
    const rid = init.requestId ? ` (request id ${init.requestId})` : "";
    super(`${init.vendor}_api_error`, `${init.vendor} ${init.operation} failed with ${init.vendorCode}: ${init.vendorMessage || "no message"}${rid}`, {
      retryable: init.retryable ?? (init.status >= 500 || init.status === 429),
      hint: init.hint,
    });
    this.vendor = init.vendor;
    this.operation = init.operation;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
  }
}

/** The request never got a (whole) vendor answer: DNS, refused, reset, timed out, aborted. Retryable unless aborted. */
export class TransportError extends DirectUploadError {
  static override is(value: unknown): value is TransportError {
    return isBrandedError(value, "TransportError");
  }

  override name: string = brandError(this, "TransportError");

  readonly vendor: string;
  readonly operation: string;

  constructor(vendor: string, operation: string, cause: unknown) {
    const aborted = isAbortError(cause);
    super(aborted ? "aborted" : "transport_error", aborted ? `${vendor} ${operation} was aborted` : `${vendor} ${operation} did not get a response: ${describeCause(cause)}`, {
      retryable: !aborted,
      hint: aborted ? undefined : "Check the endpoint URL and the network, then retry (raise the timeout on a slow link)",
      cause,
    });
    this.vendor = vendor;
    this.operation = operation;
  }
}

/** A create*Client factory got options it cannot work with; nothing was sent. Never carries a credential's value. */
export class InvalidClientOptionsError extends DirectUploadError {
  static override is(value: unknown): value is InvalidClientOptionsError {
    return isBrandedError(value, "InvalidClientOptionsError");
  }

  override name: string = brandError(this, "InvalidClientOptionsError");

  readonly vendor: string;
  /** The option at fault, e.g. `baseUrl`, `token` or `auth.appSecret`. */
  readonly option: string;

  constructor(vendor: string, option: string, problem: string, hint: string) {
    super("invalid_client_options", `${vendor} client: ${problem}`, { hint });
    this.vendor = vendor;
    this.option = option;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** The fetch error plus what Node says underneath: "fetch failed (connect ECONNREFUSED 127.0.0.1:8080)". */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  if (!inner || typeof inner !== "object") return cause.message;
  const { message, code } = inner as { message?: unknown; code?: unknown };
  const detail = (typeof message === "string" && message) || (code === undefined ? "" : String(code));
  return detail ? `${cause.message} (${detail})` : cause.message;
}

/** A control-plane call was answered with a redirect; it is refused so no credential ever leaves for another host. */
export class VendorRedirectError extends DirectUploadError {
  static override is(value: unknown): value is VendorRedirectError {
    return isBrandedError(value, "VendorRedirectError");
  }

  override name: string = brandError(this, "VendorRedirectError");

  readonly vendor: string;
  readonly operation: string;
  readonly status: number;

  constructor(vendor: string, operation: string, status: number, location: string) {
    super("vendor_redirect", `${vendor} ${operation} answered a ${status || "opaque"} redirect${location ? ` to ${location}` : ""}; it was not followed`, {
      hint: "Point the endpoint at the vendor API itself (the final address, not one that redirects)",
    });
    this.vendor = vendor;
    this.operation = operation;
    this.status = status;
  }
}

/** A vendor answer that cannot be used: not JSON, too large, or not what the spec (or this upload) says it must be. */
export class InvalidReplyError extends DirectUploadError {
  static override is(value: unknown): value is InvalidReplyError {
    return isBrandedError(value, "InvalidReplyError");
  }

  override name: string = brandError(this, "InvalidReplyError");

  readonly vendor: string;
  readonly operation: string;
  /** JSON pointer of the wrong value in the reply ("" for the whole body). */
  readonly pointer: string;
  /** What the value should have been, e.g. "must be string". */
  readonly expected: string;

  constructor(vendor: string, operation: string, pointer: string, expected: string) {
    super("invalid_reply", `${vendor} ${operation} sent an unusable reply: ${pointer || "the body"} ${expected}`, {
      hint: "Check that the endpoint is the vendor's API and not a proxy or another service; retry later or report it to the vendor",
    });
    this.vendor = vendor;
    this.operation = operation;
    this.pointer = pointer;
    this.expected = expected;
  }
}
