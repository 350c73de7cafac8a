import { DirectUploadError, VendorApiError, redact } from "@direct-upload/client-core";
import { StorageError } from "@direct-upload/upload-executor";

/** What a failed upload looks like to a person or a script; every text already passed through redact(). */
export interface ErrorReport {
  code: string;
  message: string;
  hint?: string;
  vendorCode?: string;
  vendorMessage?: string;
  requestId?: string;
  status?: number;
}

/** Turns any thrown value into a report that names the vendor's own code and message, and never a secret. */
export function describeError(error: unknown, secrets: readonly string[]): ErrorReport {
  const clean = (text: string) => redact(text, secrets);
  const withHint = (report: ErrorReport, hint: string | undefined): ErrorReport => (hint ? { ...report, hint: clean(hint) } : report);

  if (VendorApiError.is(error)) {
    return withHint({
      code: error.code,
      message: clean(`${error.vendor} ${error.operation} failed: ${error.vendorCode} ${error.vendorMessage || "(no message)"}`),
      vendorCode: clean(error.vendorCode),
      vendorMessage: clean(error.vendorMessage),
      status: error.status,
      ...(error.requestId ? { requestId: clean(error.requestId) } : {}),
    }, error.hint);
  }
  if (StorageError.is(error)) {
    return withHint({
      code: error.code,
      message: clean(`storage ${error.target} answered HTTP ${error.status}: ${error.storageCode} ${error.storageMessage || "(no message)"}`),
      vendorCode: clean(error.storageCode),
      vendorMessage: clean(error.storageMessage),
      status: error.status,
      ...(error.requestId ? { requestId: clean(error.requestId) } : {}),
    }, error.hint);
  }
  if (DirectUploadError.is(error)) {
    // DirectUploadError appends its hint to the message; the report shows the hint on its own line instead.
    const message = error.hint && error.message.endsWith(`. ${error.hint}`) ? error.message.slice(0, -error.hint.length - 2) : error.message;
    return withHint({ code: error.code, message: clean(message) }, error.hint);
  }
  return { code: "internal_error", message: clean(error instanceof Error ? error.message : String(error)) };
}

/** "1501 token expired (request id 42)" plus the hint on its own line. */
export function formatErrorReport(report: ErrorReport): string[] {
  const rid = report.requestId ? ` (request id ${report.requestId})` : "";
  return [`${report.message}${rid}`, ...(report.hint ? [`hint: ${report.hint}`] : [])];
}
