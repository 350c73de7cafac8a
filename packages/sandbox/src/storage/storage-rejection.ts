/** A storage request the object store refuses; `code`/`message` go verbatim into the vendor's XML error. */
export class StorageRejection extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields for the vendor error body, e.g. OSS `EC`. */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = "StorageRejection";
  }
}
