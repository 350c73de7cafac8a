import { safeUrl } from "@direct-upload/client-core";
import type { UploadResult } from "@direct-upload/upload-executor";
import type { ErrorReport } from "./describe-error.js";
import type { PartSizeNotice } from "./part-size-notice.js";
import type { UploadFile } from "./settings.js";

/** How one file's upload ended. */
export type Outcome =
  | { status: "done"; file: UploadFile; result: UploadResult; seconds: number; resumed: boolean; sentBytes: number; partSize?: PartSizeNotice | undefined }
  | { status: "failed"; file: UploadFile; error: ErrorReport; seconds: number }
  | { status: "stopped"; file: UploadFile };

/** The `--json` line for a finished file: what a script needs to find the object again. */
export function jsonLine(outcome: Exclude<Outcome, { status: "stopped" }>, vendor: string): string {
  const seconds = Math.round(outcome.seconds * 1000) / 1000;
  if (outcome.status === "failed") {
    return JSON.stringify({ ok: false, vendor, file: outcome.file.arg, bytes: outcome.file.size, error: outcome.error, seconds });
  }
  const { result } = outcome;
  return JSON.stringify({
    ok: true,
    vendor,
    file: outcome.file.arg,
    name: result.name,
    bytes: result.bytes,
    sha256: result.sha256,
    ...pick(result, ["key", "url", "fileId", "cloudObjectId", "uploadId", "vendorDigest", "existed", "rapid"]),
    resumed: outcome.resumed,
    ...(outcome.partSize ? { partSize: outcome.partSize } : {}),
    seconds,
  });
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * The remote identity worth showing a person: the URL (signed query values masked: a terminal is not the place
 * for them; --json keeps the URL as issued), else the object key, else the vendor's file id.
 */
export function remoteId(result: UploadResult): string {
  return result.url ? safeUrl(result.url) : (result.key ?? result.fileId ?? result.cloudObjectId ?? result.name);
}
