import type { KoodriveClient, MultiPartInfo } from "@direct-upload/koodrive-client";
import type { EngineOptions } from "../../core/options.js";
import type { PartRequest, PartTarget } from "../../core/plan.js";
import { oneVendorCall } from "../flow-engine.js";
import { checkPartNumbers, checkedUrl } from "../reply-checks.js";

const OPERATION = "/koodrive/ose/v1/files/multipart/uploadUrl";

const MiB = 1024 * 1024;

/** Every part but the last in [5 MiB, 5 GiB]; the backing object store's 10,000-part limit (an inference). */
export const KOODRIVE_PART_SIZING = { minPartSize: 5 * MiB, maxPartSize: 5 * 1024 * MiB, maxParts: 10_000, defaultPartSize: 8 * MiB };

/**
 * A part as `multipart/uploadUrl` wants it. Concurrent: offset always, hashCtx (the SHA-256 state before the part)
 * after part 1. Serial: number and size only.
 */
export function koodrivePartInfo(part: PartRequest, serial = false): MultiPartInfo {
  if (serial) return { partNumber: part.number, partSize: part.size };
  const info: MultiPartInfo = { partNumber: part.number, partSize: part.size, partOffset: part.offset };
  if (part.number > 1) info.hashCtx = [...part.midstates.sha256!.h];
  return info;
}

/** Signs URLs for a batch of parts; a concurrent URL embeds the hash context, so a renewal sends the same one again. */
export async function koodrivePartTargets(
  client: KoodriveClient,
  task: { fileId: string; serial?: true },
  parts: PartRequest[],
  engine: EngineOptions,
  signal: AbortSignal,
): Promise<PartTarget[]> {
  const multiParts = parts.map((part) => koodrivePartInfo(part, task.serial));
  const { multiParts: issued = [] } = await oneVendorCall(engine, signal, (call) => client.getMultipartUploadUrl({ fileId: task.fileId, multiParts }, call));
  const place = { vendor: "koodrive", operation: OPERATION, list: "/multiParts" };
  checkPartNumbers(
    { ...place, field: "partNumber" },
    issued.map((info) => info.partNumber),
    new Set(parts.map((part) => part.number)),
    true,
  );
  return issued.map((info, i) => {
    const url = checkedUrl({ ...place, pointer: `/multiParts/${i}/uploadUrl` }, info.uploadUrl ?? "");
    return { partNumber: info.partNumber, url, method: "PUT" as const };
  });
}
