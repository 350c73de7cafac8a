import type { FormBody } from "./types.js";

const encoder = new TextEncoder();

/** Quotes a name the way browsers do in Content-Disposition (WHATWG multipart/form-data encoding). */
function quote(value: string): string {
  return value.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

function randomBoundary(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `----DirectUpload${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export interface FormEnvelope {
  contentType: string;
  /** Every text field plus the file part's headers, ending right before the file bytes. */
  prefix: Uint8Array;
  /** CRLF and the closing boundary after the file bytes. */
  suffix: Uint8Array;
  /** Exact body length, for Content-Length. */
  length: number;
}

/**
 * Frames a form body by hand so Node can stream the file part from the source with an exact Content-Length.
 * The 128-bit random boundary is checked against the text fields; it cannot realistically occur in file data.
 */
export function formEnvelope(body: FormBody, boundary = randomBoundary()): FormEnvelope {
  for (const [name, value] of body.fields) {
    if (name.includes(boundary) || value.includes(boundary)) return formEnvelope(body);
  }
  const parts = body.fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
  const { file } = body;
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.fileName)}"\r\n` + `Content-Type: ${file.contentType}\r\n\r\n`);
  const prefix = encoder.encode(parts.join(""));
  const suffix = encoder.encode(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    prefix,
    suffix,
    length: prefix.byteLength + (file.end - file.start) + suffix.byteLength,
  };
}
