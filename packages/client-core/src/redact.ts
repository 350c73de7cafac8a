/** Query parameters and headers whose values must never reach a message or a log line. */
const SECRET_PARAM = /^(x-amz-signature|x-amz-credential|x-amz-security-token|signature|q-signature|q-ak|ossaccesskeyid|accesskeyid|securitytoken|token|access_token|x-cos-security-token|policy|x-amz-iteration-hash-ctx)$/i;

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

/** Replaces every occurrence of each known secret (tokens, keys, signatures) in `text` with `***`. */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("***");
  }
  return out;
}
