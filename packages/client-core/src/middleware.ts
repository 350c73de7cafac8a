import type { Middleware } from "openapi-fetch";
import { InvalidReplyError, TransportError, VendorApiError, VendorRedirectError, type VendorApiErrorInit } from "./errors.js";
import { safeUrl, vendorText } from "./redact.js";
import { checkReply, type ReplyValidators } from "./reply-check.js";
import { ReplyTooLarge, isRedirect } from "./vendor-fetch.js";

/** What a vendor's envelope parser sees: the HTTP status, headers and the body parsed as JSON (or the raw text). */
export interface EnvelopeInput {
  status: number;
  headers: Headers;
  body: unknown;
  operation: string;
}

/** Returns the error carried by a response, or undefined when the response is a success. */
export type EnvelopeParser = (input: EnvelopeInput) => Omit<VendorApiErrorInit, "vendor" | "operation" | "status"> | undefined;

export interface ErrorMiddlewareOptions {
  /**
   * The generated validators of the vendor's success replies (`replyValidators` in src/generated), or a loader
   * called at the first reply (again after a failed load): a dynamic import keeps them out of a page's first chunk.
   */
  replies?: ReplyValidators | (() => Promise<ReplyValidators>);
  /** The operation's name in errors; the spec path by default (HBR names its action instead). */
  operation?: (request: Request, schemaPath: string) => string;
}

const NOT_JSON = Symbol("not JSON");
const RAW_TEXT_MAX = 200;

/**
 * Turns every vendor error answer into a thrown VendorApiError, every redirect into a VendorRedirectError, every
 * success reply that is not what the spec says into an InvalidReplyError and every failed fetch into a
 * TransportError, so callers only ever see checked data or a typed error. `secrets` is read lazily and scrubbed.
 */
export function errorMiddleware(vendor: string, parse: EnvelopeParser, secrets: () => Iterable<string | undefined>, options: ErrorMiddlewareOptions = {}): Middleware {
  const nameOf = options.operation ?? ((_request: Request, schemaPath: string) => schemaPath);
  const { replies } = options;
  let loaded: Promise<ReplyValidators> | undefined;
  const validators = async (operation: string): Promise<ReplyValidators | undefined> => {
    if (typeof replies !== "function") return replies;
    loaded ??= replies();
    try {
      return await loaded;
    } catch (error) {
      loaded = undefined;
      throw new TransportError(vendor, operation, error);
    }
  };
  return {
    async onResponse({ request, response, schemaPath }) {
      const operation = nameOf(request, schemaPath);
      if (isRedirect(response)) {
        const location = response.headers.get("location");
        throw new VendorRedirectError(vendor, operation, response.status, location ? new URL(safeUrl(new URL(location, request.url))).origin : "");
      }
      const text = await response.clone().text();
      let body: unknown = text ? NOT_JSON : undefined;
      try {
        if (text) body = JSON.parse(text);
      } catch {
        // not JSON: the parser gets the text
      }
      const parsed = body === NOT_JSON ? text : body;
      const found = parse({ status: response.status, headers: response.headers, body: parsed, operation });
      const list = [...secrets()];
      if (!found && response.ok) {
        if (body === NOT_JSON) throw new InvalidReplyError(vendor, operation, "", "must be JSON");
        checkReply(vendor, operation, (await validators(operation))?.[`${request.method} ${schemaPath} ${response.status}`], body);
        return undefined;
      }
      // A body that is no envelope (a proxy's HTML page) is cut shorter than a vendor's own message.
      const init = found ?? { vendorCode: `HTTP_${response.status}`, vendorMessage: vendorText(typeof parsed === "string" ? parsed : "", list, RAW_TEXT_MAX) };
      throw new VendorApiError({
        ...init,
        vendorCode: vendorText(init.vendorCode, list, 64),
        vendorMessage: vendorText(init.vendorMessage, list),
        requestId: init.requestId === undefined ? undefined : vendorText(init.requestId, list, 64),
        vendor,
        operation,
        status: response.status,
      });
    },
    onError({ request, error, schemaPath }) {
      const operation = nameOf(request, schemaPath);
      if (error instanceof ReplyTooLarge) return new InvalidReplyError(vendor, operation, "", `must be at most ${error.limit} bytes`);
      return new TransportError(vendor, operation, error);
    },
  };
}
