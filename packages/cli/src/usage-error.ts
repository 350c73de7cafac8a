import { DirectUploadError } from "@direct-upload/client-core";

/** The command line cannot work as given (exit code 2). The message says what to change. */
export class UsageError extends DirectUploadError {
  constructor(message: string) {
    super("usage", message);
  }
}
