import { VendorApiError } from "@direct-upload/client-core";
import type { CloudbaseClient, UploadInfoRequestItem, UploadInfoSuccessItem } from "@direct-upload/cloudbase-client";
import type { MatchedItem } from "@direct-upload/cloudbase-client";
import type { EngineOptions } from "../../core/options.js";
import { callVendor } from "../flow-engine.js";

/**
 * Items per get-objects-upload-info call. CloudBase does not publish its limit (OBJECT_BATCH_TOO_LARGE says only
 * "too many"); 100 is this library's choice, and a smaller server limit is found by splitting.
 */
export const CLOUDBASE_BATCH_LIMIT = 100;

type Matched = MatchedItem<UploadInfoRequestItem, UploadInfoSuccessItem>;

const tooLarge = (error: unknown) => VendorApiError.is(error) && error.vendorCode === "OBJECT_BATCH_TOO_LARGE";

/**
 * Upload info for every item, in request order: calls of at most `batchSize` items, one after another; a call
 * answered OBJECT_BATCH_TOO_LARGE is split in halves and each half asked again (a single item is not split further).
 */
export async function uploadInfoInBatches(client: CloudbaseClient, items: readonly UploadInfoRequestItem[], batchSize: number, engine: EngineOptions): Promise<Matched[]> {
  const ask = async (batch: readonly UploadInfoRequestItem[]): Promise<Matched[]> => {
    try {
      return await callVendor(engine, (call) => client.getObjectsUploadInfo([...batch], call));
    } catch (error) {
      if (!tooLarge(error) || batch.length === 1) throw error;
      const half = Math.ceil(batch.length / 2);
      return [...(await ask(batch.slice(0, half))), ...(await ask(batch.slice(half)))];
    }
  };
  const matched: Matched[] = [];
  for (let start = 0; start < items.length; start += batchSize) matched.push(...(await ask(items.slice(start, start + batchSize))));
  return matched;
}
