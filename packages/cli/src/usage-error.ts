import { brandError, DirectUploadError, isBrandedError } from "@direct-upload/client-core";

/** The command line cannot work as given (exit code 2). The message says what to change. */
export class UsageError extends DirectUploadError {
  static override is(value: unknown): value is UsageError {
    return isBrandedError(value, "UsageError");
  }

  override name: string = brandError(this, "UsageError");

  constructor(message: string) {
    super("usage", message);
  }
}
