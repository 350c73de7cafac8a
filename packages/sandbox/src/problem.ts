import { SandboxError } from "./errors.js";

/** What a check found wrong with a request; each vendor's error writer turns it into that vendor's wire shape. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export function problem(status: number, code: string, message: string): Problem {
  return { status, code, message };
}

/** Tells a Problem from a check's other result (a caller, a verified chain, declared parts, ...). */
export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "code" in value && "message" in value;
}

/** A Problem thrown where unwinding reads better than returning (storage handlers deep in a form or a body). */
export class ProblemError extends SandboxError implements Problem {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    /** Extra fields for the vendor's error body, e.g. OSS `EC`. */
    readonly extra: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}
