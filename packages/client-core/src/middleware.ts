import type { Middleware } from "openapi-fetch";
import { TransportError, VendorApiError, type VendorApiErrorInit } from "./errors.js";
import { redact } from "./redact.js";

/** What a vendor's envelope parser sees: the HTTP status, headers and the body parsed as JSON (or the raw text). */
export interface EnvelopeInput {
  status: number;
  headers: Headers;
  body: unknown;
  operation: string;
}

/** Returns the error carried by a response, or undefined when the response is a success. */
export type EnvelopeParser = (input: EnvelopeInput) => Omit<VendorApiErrorInit, "vendor" | "operation" | "status"> | undefined;

/**
 * Turns every vendor error answer into a thrown VendorApiError and every failed fetch into a TransportError,
 * so callers only ever see typed data or a typed error. `secrets` is read lazily and scrubbed from messages.
 */
export function errorMiddleware(vendor: string, parse: EnvelopeParser, secrets: () => Iterable<string | undefined>): Middleware {
  return {
    async onResponse({ response, schemaPath }) {
      const text = await response.clone().text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: the parser gets the text
      }
      const found = parse({ status: response.status, headers: response.headers, body, operation: schemaPath });
      if (!found && response.ok) return undefined;
      const init = found ?? { vendorCode: `HTTP_${response.status}`, vendorMessage: typeof body === "string" ? body.slice(0, 200) : "" };
      const list = [...secrets()];
      throw new VendorApiError({
        ...init,
        vendorMessage: redact(init.vendorMessage, list),
        vendor,
        operation: schemaPath,
        status: response.status,
      });
    },
    onError({ error, schemaPath }) {
      return new TransportError(vendor, schemaPath, error);
    },
  };
}
