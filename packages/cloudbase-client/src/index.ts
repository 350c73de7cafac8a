export { createCloudbaseClient, type CloudbaseClient, type CloudbaseClientOptions } from "./client.js";
export type { CallOptions } from "@direct-upload/client-core";
export { cloudbaseBaseUrl } from "./base-url.js";
export { parseCloudbaseEnvelope } from "./envelope.js";
export {
  matchItems,
  isItemError,
  ItemCountMismatchError,
  type MatchedItem,
  type MatchContext,
  type ItemErrorLike,
  type SuccessOf,
} from "./match-items.js";
export type * from "./types.js";
export type { paths, components, operations } from "./generated/cloudbase.js";
