import type { CloudbaseClient, UploadInfoSuccessItem } from "@direct-upload/cloudbase-client";
import type { EngineOptions } from "../../core/options.js";
import type { PutPlan, Target } from "../../core/plan.js";
import type { UploadSource } from "../../core/source.js";
import { callVendor } from "../flow-engine.js";
import { checkedUrl } from "../reply-checks.js";

/** The COS PUT target of one upload-info item: the three headers CloudBase issued, sent verbatim. */
export function cloudbaseTarget(info: UploadInfoSuccessItem, source: UploadSource): Target {
  const headers: Record<string, string> = {
    Authorization: info.authorization,
    "X-Cos-Security-Token": info.token,
    "X-Cos-Meta-Fileid": info.cloudObjectMeta,
  };
  // Not among the signed headers, so it can be added; COS then serves the object with this type.
  if (source.type) headers["Content-Type"] = source.type;
  return { url: checkedUrl({ vendor: "cloudbase", operation: "/v1/storages/get-objects-upload-info", pointer: "/uploadUrl" }, info.uploadUrl), headers };
}

/** Fetches fresh upload info for one object (its signature expired); an item error is thrown as is. */
export async function refetchUploadInfo(client: CloudbaseClient, objectId: string, engine: EngineOptions): Promise<UploadInfoSuccessItem> {
  const [matched] = await callVendor(engine, (call) => client.getObjectsUploadInfo([{ objectId }], call));
  if (!matched!.ok) throw matched!.error;
  return matched!.result;
}

/** PUT plan for one file of a batch; an expired signature re-fetches that object's upload info only. */
export function cloudbasePutPlan(client: CloudbaseClient, objectId: string, info: UploadInfoSuccessItem, source: UploadSource, engine: EngineOptions): PutPlan {
  return {
    kind: "put",
    ...cloudbaseTarget(info, source),
    renew: async () => cloudbaseTarget(await refetchUploadInfo(client, objectId, engine), source),
  };
}
