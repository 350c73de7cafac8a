import { EntityTooLargeError, EntityTooSmallError, PathTraversalError } from "../errors.js";
import { ProblemError } from "../problem.js";

/** Object stores cap a single upload at 5 GiB (S3, OSS and COS alike). */
export const MAX_OBJECT_BYTES = 5 * 1024 ** 3;

/** Maps the store's typed errors to the object-store error codes (with OSS `EC`s when given); other errors pass through. */
export function storeErrorAsProblem(error: unknown, ec: { tooLarge?: string; tooSmall?: string } = {}): unknown {
  if (error instanceof EntityTooLargeError) {
    return new ProblemError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.", ec.tooLarge ? { EC: ec.tooLarge } : {});
  }
  if (error instanceof EntityTooSmallError) {
    return new ProblemError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.", ec.tooSmall ? { EC: ec.tooSmall } : {});
  }
  if (error instanceof PathTraversalError) return new ProblemError(400, "InvalidObjectName", `The specified object name is not valid: ${error.message}`);
  return error;
}
