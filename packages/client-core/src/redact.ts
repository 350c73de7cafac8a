/** Query parameters whose values must never reach a message or a log line (signatures, tokens, policies, keys). */
const SECRET_PARAM =
  /^(sign|sig|signature|policy|token|access_token|securitytoken|security-token|ossaccesskeyid|accesskeyid|q-signature|q-ak|x-cos-security-token|x-(amz|oss|goog|obs)-(signature|credential|security-token)|x-amz-iteration-hash-ctx)$/i;

/** Shorter secrets are matched whole only; from this length on, no piece this long of a secret may remain. */
const PIECE = 8;

/** Longest vendor message kept, counted after redaction so a cut never leaves part of a secret. */
const VENDOR_TEXT_MAX = 500;

/** A URL safe to print: origin and path, with every secret-looking query value masked. */
export function safeUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return "<invalid url>";
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(key)) parsed.searchParams.set(key, "***");
  }
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}

/**
 * Replaces every occurrence of each known secret (tokens, keys, signatures) in `text` with `***`, and then every
 * remaining 8-character piece of one, so a secret cut by someone else's truncation is masked too.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join("***");
    for (let i = 0; i + PIECE <= secret.length; i++) out = out.split(secret.slice(i, i + PIECE)).join("***");
  }
  return out;
}

/**
 * Vendor-supplied text made fit for a one-line message: secrets redacted first, URLs' signed query values masked,
 * control and non-printable characters dropped, whitespace collapsed, and only then cut to `max` characters.
 */
export function vendorText(text: string, secrets: Iterable<string | undefined>, max = VENDOR_TEXT_MAX): string {
  const clean = redact(text, secrets)
    .replace(/\bhttps?:\/\/[^\s"'<>]+/gi, (url) => safeUrl(url))
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\uFFFD]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
