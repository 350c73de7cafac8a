import { InvalidClientOptionsError } from "./errors.js";

/** A credential given as a value or as a provider called before every request (for refreshable tokens). */
export type Credential = string | (() => string | Promise<string>);

export async function resolveCredential(credential: Credential): Promise<string> {
  return typeof credential === "function" ? credential() : credential;
}

/** Whitespace counts as empty: no vendor accepts a blank address or credential. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** Resolves a credential for one request and refuses an empty one, so no request goes out with an empty header. */
export async function requireCredential(vendor: string, option: string, credential: Credential): Promise<string> {
  const value = await resolveCredential(credential);
  if (!isNonEmptyString(value)) {
    throw new InvalidClientOptionsError(vendor, option, `${option} resolved to an empty value`, `Make the ${option} function return a non-empty ${option}`);
  }
  return value;
}
