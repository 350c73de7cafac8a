import type { KoodriveClient, MultiPartInfo } from "@direct-upload/koodrive-client";
import type { PartRequest, PartTarget } from "../../core/plan.js";

const MiB = 1024 * 1024;

/** Every part but the last in [5 MiB, 5 GiB]; the backing object store's 10,000-part limit (an inference). */
export const KOODRIVE_PART_SIZING = { minPartSize: 5 * MiB, maxPartSize: 5 * 1024 * MiB, maxParts: 10_000, defaultPartSize: 8 * MiB };

/** A part as `multipart/uploadUrl` wants it: offset always, hashCtx (the SHA-256 state before the part) after part 1. */
export function koodrivePartInfo(part: PartRequest): MultiPartInfo {
  const info: MultiPartInfo = { partNumber: part.number, partSize: part.size, partOffset: part.offset };
  if (part.number > 1) info.hashCtx = [...part.midstates.sha256!.h];
  return info;
}

/** Signs URLs for a batch of parts; the URL embeds the hash context, so a renewal sends the same one again. */
export async function koodrivePartTargets(client: KoodriveClient, fileId: string, parts: PartRequest[], signal: AbortSignal): Promise<PartTarget[]> {
  const { multiParts = [] } = await client.getMultipartUploadUrl({ fileId, multiParts: parts.map(koodrivePartInfo) }, { signal });
  return multiParts.flatMap((info) => (info.uploadUrl ? [{ partNumber: info.partNumber, url: info.uploadUrl, method: "PUT" as const }] : []));
}
