import { isNonEmptyString, type Credential } from "./auth.js";
import { InvalidClientOptionsError } from "./errors.js";

/** The shape every vendor client's options extend: where to send requests and how; credentials are the vendor's. */
export interface ClientOptions {
  /** The API address, an absolute http(s) URL. */
  baseUrl: string;
  /** Sends every request; node:http in Node, `globalThis.fetch` elsewhere by default (inject one for proxies, tracing or tests). Redirects are never followed. */
  fetch?: (request: Request) => Promise<Response>;
  /** How long a request may wait for the response headers, and then between body bytes (default 30 s). */
  timeoutMs?: number;
}

/** Per-call options of every client method. */
export interface CallOptions {
  signal?: AbortSignal;
  /** This call's timeout for the headers and between body bytes, instead of the client's `timeoutMs`. */
  timeoutMs?: number;
}

export interface ClientOptionsCheck {
  /** The vendor id used in messages, e.g. `openim`. */
  vendor: string;
  /** The address given, or the one derived from the vendor's shortcut option. */
  baseUrl: string | undefined;
  /** Options the vendor derives the address from when baseUrl is left out, e.g. `envId`. */
  shortcuts?: string[];
  /** Credentials that must be given. A provider function can only be checked when it is called (requireCredential). */
  required: Record<string, Credential | undefined>;
  /** Credentials that may be left out, but not given empty. */
  optional?: Record<string, Credential | undefined>;
  /** The client's `timeoutMs`, when given. */
  timeoutMs?: number | undefined;
}

/**
 * The checks every create*Client runs before building anything, so a missing or non-http address and an empty
 * credential fail the same way for every vendor. Returns the checked base URL.
 */
export function checkClientOptions(check: ClientOptionsCheck): string {
  const { vendor, baseUrl, shortcuts = [] } = check;
  if (!isNonEmptyString(baseUrl)) {
    const derive = shortcuts.length ? `, or ${either(shortcuts)} to derive it` : "";
    throw new InvalidClientOptionsError(vendor, "baseUrl", `needs ${either(["baseUrl", ...shortcuts])}`, `Pass the API address as baseUrl, e.g. https://api.example.com${derive}`);
  }
  if (!isHttpUrl(baseUrl)) {
    throw new InvalidClientOptionsError(vendor, "baseUrl", "baseUrl is not an http(s) URL", "Pass an absolute address starting with https:// or http://");
  }
  if (check.timeoutMs !== undefined && !(Number.isFinite(check.timeoutMs) && check.timeoutMs > 0)) {
    throw new InvalidClientOptionsError(vendor, "timeoutMs", "timeoutMs is not a positive number", "Pass timeoutMs in milliseconds, e.g. 30000, or leave it out");
  }
  const given = Object.entries(check.optional ?? {}).filter(([, value]) => value !== undefined);
  for (const [option, value] of [...Object.entries(check.required), ...given]) {
    if (typeof value !== "function" && !isNonEmptyString(value)) {
      throw new InvalidClientOptionsError(vendor, option, `${option} is missing or empty`, `Pass a non-empty ${option}`);
    }
  }
  return baseUrl;
}

/** "a", "a or b", "a, b, or c". */
function either(names: string[]): string {
  return new Intl.ListFormat("en", { type: "disjunction" }).format(names);
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
