import { validateResponseBody } from "./spec/spec-validator.js";
import type { VendorName } from "./vendors/index.js";

export interface RecordedResponse {
  status: number;
  contentType: string | null;
  body: unknown;
}

/** Reads a fetch Response into a RecordedResponse (JSON parsed when the content type says so). */
export async function recordResponse(response: Response): Promise<RecordedResponse> {
  const contentType = response.headers.get("content-type");
  const text = await response.text();
  return { status: response.status, contentType, body: contentType?.includes("json") ? JSON.parse(text) : text };
}

/**
 * Checks a recorded response against specs/<vendor>/openapi.yaml for `operationId`: the status must be declared
 * and the body must match its schema. Returns the list of problems (empty = conforms).
 */
export function checkResponseContract(vendor: VendorName, operationId: string, recorded: RecordedResponse): string[] {
  return validateResponseBody(vendor, operationId, recorded.status, recorded.body, recorded.contentType ?? "application/json");
}
