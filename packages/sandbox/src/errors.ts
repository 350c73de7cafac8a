/** Base of the sandbox's own typed errors; `code` is stable so vendor modules can map it to their error shape. */
export class SandboxError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An object key or bucket would leave the data directory (`..`, absolute path, NUL, encoded traversal). */
export class PathTraversalError extends SandboxError {
  constructor(what: string) {
    super("path_traversal", `${what} is not a safe object name: use relative names without "..", NUL or absolute paths`);
  }
}

/** A body outgrew the limit given to the store (policy content-length-range, 5 GiB cap, ...). */
export class EntityTooLargeError extends SandboxError {
  constructor(readonly maxBytes: number) {
    super("entity_too_large", `body is larger than the allowed ${maxBytes} bytes`);
  }
}

/** A body was smaller than the minimum given to the store. */
export class EntityTooSmallError extends SandboxError {
  constructor(
    readonly minBytes: number,
    readonly size: number,
  ) {
    super("entity_too_small", `body has ${size} bytes, fewer than the required ${minBytes}`);
  }
}

/** A JSON request body could not be read or parsed. */
export class BadJsonBodyError extends SandboxError {
  constructor(reason: string) {
    super("bad_json_body", `request body is not valid JSON: ${reason}`);
  }
}
