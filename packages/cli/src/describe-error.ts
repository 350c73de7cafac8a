import { DirectUploadError, VendorApiError, vendorText } from "@direct-upload/client-core";
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

/**
 * Turns any thrown value into a report that names the vendor (`vendor`, for errors that do not), its own code and
 * message, and never a secret or a control character.
 */
export function describeError(error: unknown, secrets: readonly string[], vendor?: string): ErrorReport {
  const clean = (text: string) => vendorText(text, secrets, 1000);
  const withHint = (report: ErrorReport, hint: string | undefined): ErrorReport => (hint && !forDevelopers(hint) ? { ...report, hint: clean(hint) } : report);

  if (VendorApiError.is(error)) {
    return withHint(
      {
        code: error.code,
        message: clean(`${error.vendor} ${error.operation} failed: ${error.vendorCode} ${error.vendorMessage || "(no message)"}`),
        vendorCode: clean(error.vendorCode),
        vendorMessage: clean(error.vendorMessage),
        status: error.status,
        ...(error.requestId ? { requestId: clean(error.requestId) } : {}),
      },
      error.hint,
    );
  }
  if (StorageError.is(error)) {
    return withHint(
      {
        code: error.code,
        message: clean(`${vendor ? `${vendor} ` : ""}storage ${error.target} answered HTTP ${error.status}: ${error.storageCode} ${error.storageMessage || "(no message)"}`),
        vendorCode: clean(error.storageCode),
        vendorMessage: clean(error.storageMessage),
        status: error.status,
        ...(error.requestId ? { requestId: clean(error.requestId) } : {}),
      },
      error.hint,
    );
  }
  if (DirectUploadError.is(error)) {
    // DirectUploadError appends its hint to the message; the report shows the hint on its own line instead.
    const message = error.hint && error.message.endsWith(`. ${error.hint}`) ? error.message.slice(0, -error.hint.length - 2) : error.message;
    const named = vendor && !message.startsWith(`${vendor} `) ? `${vendor}: ${message}` : message;
    return withHint({ code: error.code, message: clean(named) }, error.hint);
  }
  return { code: "internal_error", message: clean(`${vendor ? `${vendor}: ` : ""}${error instanceof Error ? error.message : String(error)}`) };
}

/** A hint that names library identifiers (`resumeFrom`, stallTimeoutMs) speaks to a developer, not a CLI user. */
function forDevelopers(hint: string): boolean {
  return /`|\b[a-z]+[A-Z][A-Za-z0-9]*\b/.test(hint);
}

/** One line: "openim /object/initiate_form_data failed: 1501 token expired (request id 42); hint: get a new token". */
export function formatErrorReport(report: ErrorReport): string[] {
  const rid = report.requestId ? ` (request id ${report.requestId})` : "";
  return [`${report.message}${rid}${report.hint ? `; hint: ${report.hint}` : ""}`];
}
