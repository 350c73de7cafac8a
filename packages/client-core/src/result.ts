import { DirectUploadError } from "./errors.js";

/**
 * Narrows an openapi-fetch result to its data. The vendor middleware already throws typed errors for every
 * error answer, so reaching the `error` branch here means a response the middleware did not recognise.
 */
export function expectData<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  throw new DirectUploadError("unexpected_response", `unexpected HTTP ${result.response.status} response with no data`, {
    retryable: result.response.status >= 500,
  });
}
