import { brandError, DirectUploadError, isBrandedError, redact, VendorApiError } from "@direct-upload/client-core";
import { cloudbaseHint } from "./envelope.js";

/** What an item failure looks like in every CloudBase batch answer. */
export interface ItemErrorLike {
  code: string;
  message: string;
}

/** The success shapes of a response item union (everything that is not an item error). */
export type SuccessOf<R> = Exclude<R, ItemErrorLike>;

/** One request item with its outcome: the success result, or the item's error as a VendorApiError. */
export type MatchedItem<Q, S> = { ok: true; item: Q; result: S } | { ok: false; item: Q; error: VendorApiError };

export interface MatchContext {
  /** The API path, used in error messages. */
  operation?: string;
  /** The X-Request-Id of the batch call. */
  requestId?: string | undefined;
  /** Values to scrub from item messages (the client passes its token). */
  secrets?: Iterable<string | undefined>;
}

/** The answer has a different number of items than the request, so positions cannot be trusted. */
export class ItemCountMismatchError extends DirectUploadError {
  static override is(value: unknown): value is ItemCountMismatchError {
    return isBrandedError(value, "ItemCountMismatchError");
  }

  override name: string = brandError(this, "ItemCountMismatchError");

  readonly expected: number;
  readonly received: number;
  readonly requestId: string | undefined;

  constructor(operation: string, expected: number, received: number, requestId: string | undefined) {
    const rid = requestId ? ` (request id ${requestId})` : "";
    super("cloudbase_item_count_mismatch", `cloudbase ${operation} answered ${received} items for ${expected} request items${rid}, so results cannot be matched to requests`, {
      hint: "Do not use any result of this call; retry the batch or report the request id to Tencent",
    });
    this.expected = expected;
    this.received = received;
    this.requestId = requestId;
  }
}

export function isItemError(value: unknown): value is ItemErrorLike {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string";
}

/**
 * Pairs each request item with the response item at the same position. Error items do not echo the
 * object id, so position is the only link CloudBase gives.
 */
export function matchItems<Q, R extends object>(requestItems: readonly Q[], responseItems: readonly R[], context: MatchContext = {}): MatchedItem<Q, SuccessOf<R>>[] {
  const operation = context.operation ?? "batch call";
  if (requestItems.length !== responseItems.length) {
    throw new ItemCountMismatchError(operation, requestItems.length, responseItems.length, context.requestId);
  }
  const secrets = [...(context.secrets ?? [])];
  return requestItems.map((item, index): MatchedItem<Q, SuccessOf<R>> => {
    const result = responseItems[index] as R;
    if (!isItemError(result)) return { ok: true, item, result: result as SuccessOf<R> };
    const error = new VendorApiError({
      vendor: "cloudbase",
      operation,
      status: 200,
      vendorCode: result.code,
      vendorMessage: redact(typeof result.message === "string" ? result.message : "", secrets),
      requestId: context.requestId,
      retryable: false,
      ...cloudbaseHint(result.code),
    });
    return { ok: false, item, error };
  });
}
