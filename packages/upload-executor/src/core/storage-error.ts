import { brandError, DirectUploadError, isBrandedError, vendorText } from "@direct-upload/client-core";
import type { TransportResponse } from "./transport/types.js";

const REQUEST_ID_HEADERS = ["x-amz-request-id", "x-oss-request-id", "x-cos-request-id", "x-obs-request-id", "x-ca-request-id", "x-request-id"];

/** Origin and path only: a signed URL's query holds signatures and tokens, so it never reaches a message. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "<invalid url>";
  }
}

export interface StorageErrorInit {
  operation: string;
  url: string;
  status: number;
  /** The storage service's error code (S3/OSS/COS/OBS `<Code>`, JSON `Code`/`code`), or `HTTP_<status>`. */
  storageCode: string;
  storageMessage: string;
  requestId: string | undefined;
}

/** The object storage answered a PUT/POST with an error. Holds the parsed code, never the signed URL's query. */
export class StorageError extends DirectUploadError {
  static override is(value: unknown): value is StorageError {
    return isBrandedError(value, "StorageError");
  }

  override name: string = brandError(this, "StorageError");

  readonly status: number;
  readonly storageCode: string;
  readonly storageMessage: string;
  readonly requestId: string | undefined;
  /** Origin and path of the target, without the query. */
  readonly target: string;
  /** Server's Retry-After header, when it sent one (429/503). */
  retryAfter: string | undefined;

  constructor(init: StorageErrorInit, hint?: string) {
    const target = describeUrl(init.url);
    const rid = init.requestId ? ` (request id ${init.requestId})` : "";
    super(
      "storage_error",
      `${init.operation} to ${target} failed with HTTP ${init.status} ${init.storageCode}: ${init.storageMessage || "no message"}${rid}`,
      // retryable tells callers whether trying again later may help; the engines' own policy is classifyFailure.
      { retryable: init.status >= 500 || init.status === 429 || init.status === 408, ...(hint === undefined ? {} : { hint }) },
    );
    this.status = init.status;
    this.storageCode = init.storageCode;
    this.storageMessage = init.storageMessage;
    this.requestId = init.requestId;
    this.target = target;
    this.retryAfter = undefined;
  }
}

function xmlTag(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match?.[1] === undefined ? undefined : decodeXmlText(match[1].trim());
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function jsonField(body: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** Reads the error code, message and request id from an S3-style XML or a JSON error body and the usual headers. */
export function parseStorageError(response: TransportResponse): Pick<StorageErrorInit, "storageCode" | "storageMessage" | "requestId"> {
  const text = response.bodyText.trim();
  let storageCode: string | undefined;
  let storageMessage: string | undefined;
  let requestId: string | undefined;
  if (text.startsWith("<")) {
    storageCode = xmlTag(text, "Code");
    storageMessage = xmlTag(text, "Message");
    requestId = xmlTag(text, "RequestId");
  } else if (text.startsWith("{")) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const inner = typeof body.error === "object" && body.error !== null ? (body.error as Record<string, unknown>) : body;
      storageCode = jsonField(inner, "Code", "code", "error_code");
      storageMessage = jsonField(inner, "Message", "message", "msg", "error_msg");
      requestId = jsonField(inner, "RequestId", "requestId", "request_id");
    } catch {
      // not JSON after all: fall back to the raw text below
    }
  }
  for (const header of REQUEST_ID_HEADERS) requestId ??= response.headers[header];
  return {
    storageCode: storageCode || `HTTP_${response.status}`,
    // Cut only after redaction (storageErrorFrom), so a cut never leaves part of a signature.
    storageMessage: storageMessage ?? (storageCode ? "" : text),
    requestId: requestId || undefined,
  };
}

/** Builds the typed error for a failed storage answer, scrubbing any query value of the URL that the body echoes. */
export function storageErrorFrom(operation: string, url: string, response: TransportResponse): StorageError {
  const parsed = parseStorageError(response);
  const secrets = querySecrets(url);
  const error = new StorageError(
    {
      operation,
      url,
      status: response.status,
      storageMessage: vendorText(parsed.storageMessage, secrets),
      storageCode: vendorText(parsed.storageCode, secrets, 64),
      requestId: parsed.requestId,
    },
    hintFor(parsed.storageCode, response.status),
  );
  error.retryAfter = response.headers["retry-after"];
  return error;
}

function querySecrets(url: string): string[] {
  try {
    return [...new URL(url).searchParams.values()].filter((value) => value.length >= 8);
  } catch {
    return [];
  }
}

function hintFor(code: string, status: number): string | undefined {
  if (code === "SignatureDoesNotMatch")
    return "The URL or form was signed for other headers or content; send the headers exactly as the vendor issued them and check the vendor credentials";
  if (code === "InvalidPolicyDocument" || /policy/i.test(code))
    return "The vendor's form policy rejects this upload; check the file size and content type against what was requested";
  if (code === "EntityTooLarge" || code === "EntityTooSmall") return "The file size is outside what the vendor allowed for this upload; request credentials for the real size";
  if (status === 401 || status === 403) return "The storage refused the credentials; request new upload credentials from the vendor API";
  return undefined;
}
