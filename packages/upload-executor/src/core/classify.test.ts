import { DirectUploadError } from "@direct-upload/client-core";
import { describe, expect, it } from "vitest";
import { classifyFailure, type FailureKind } from "./classify.js";
import { NetworkError, ResponseTimeoutError, StallError, UploadAbortedError } from "./errors.js";
import { SourceChangedError } from "./source.js";
import { StorageError } from "./storage-error.js";

const storage = (status: number, storageCode: string, storageMessage = "") =>
  new StorageError({ operation: "part 1 upload", url: "https://bucket.example/k?X-Amz-Signature=abc", status, storageCode, storageMessage, requestId: "r" });
const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code });

const table: Array<[string, unknown, FailureKind]> = [
  ["500 InternalError", storage(500, "InternalError"), "retry"],
  ["502", storage(502, "HTTP_502"), "retry"],
  ["503 SlowDown", storage(503, "SlowDown"), "retry"],
  ["504", storage(504, "HTTP_504"), "retry"],
  ["501 NotImplemented", storage(501, "NotImplemented"), "fatal"],
  ["429", storage(429, "TooManyRequests"), "retry"],
  ["408", storage(408, "RequestTimeout"), "retry"],
  ["400 RequestTimeout", storage(400, "RequestTimeout"), "retry"],
  ["403 RequestTimeTooSkewed", storage(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large."), "retry"],
  ["403 AccessDenied Request has expired", storage(403, "AccessDenied", "Request has expired"), "renew"],
  ["403 AccessDenied Policy expired (OSS form)", storage(403, "AccessDenied", "Invalid according to Policy: Policy expired."), "renew"],
  ["400 ExpiredToken", storage(400, "ExpiredToken"), "renew"],
  ["403 AccessDenied (no expiry)", storage(403, "AccessDenied", "Access Denied."), "fatal"],
  ["403 SignatureDoesNotMatch", storage(403, "SignatureDoesNotMatch", "The request signature we calculated does not match"), "fatal"],
  ["403 InvalidAccessKeyId", storage(403, "InvalidAccessKeyId"), "fatal"],
  ["400 InvalidPolicyDocument", storage(400, "InvalidPolicyDocument"), "fatal"],
  ["400 EntityTooLarge", storage(400, "EntityTooLarge"), "fatal"],
  ["404 NoSuchUpload", storage(404, "NoSuchUpload"), "fatal"],
  ["NetworkError", new NetworkError("PUT", nodeError("ECONNRESET")), "retry"],
  ["StallError", new StallError("PUT", 30_000), "retry"],
  ["ResponseTimeoutError", new ResponseTimeoutError("PUT", 1), "retry"],
  ["raw ECONNRESET", nodeError("ECONNRESET", "read ECONNRESET"), "retry"],
  ["raw EPIPE", nodeError("EPIPE", "write EPIPE"), "retry"],
  ["socket hang up", nodeError("ECONNRESET", "socket hang up"), "retry"],
  ["fetch TypeError", new TypeError("Failed to fetch"), "retry"],
  ["Safari Load failed", new TypeError("Load failed"), "retry"],
  ["retryable DirectUploadError (vendor API 5xx)", new DirectUploadError("x", "y", { retryable: true }), "retry"],
  ["SourceChangedError", new SourceChangedError("f", "short read"), "fatal"],
  ["programming error", new RangeError("bad"), "fatal"],
  ["aborted", new UploadAbortedError(), "abort"],
];

describe("classifyFailure", () => {
  it.each(table)("%s → %s", (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});
