import type { PartInfoRequest, PdsClient, UploadPartInfo } from "@direct-upload/pds-client";
import type { EngineOptions } from "../../core/options.js";
import type { PartRequest, PartTarget } from "../../core/plan.js";
import { oneVendorCall } from "../flow-engine.js";
import { checkPartNumbers, checkedUrl } from "../reply-checks.js";

const KiB = 1024;

/** OSS parts: at least 100 KiB but the last, at most 5 GiB, at most 10,000. 10 MiB by default, as the PDS SDK. */
export const PDS_PART_SIZING = { minPartSize: 100 * KiB, maxPartSize: 5 * KiB ** 3, maxParts: 10_000, defaultPartSize: 10 * KiB * KiB };

export type PdsHash = "sha1" | "sha256";

export const ctxField = (hash: PdsHash) => (hash === "sha1" ? "parallel_sha1_ctx" : "parallel_sha256_ctx");

/**
 * A part as create and get_upload_url take it. Parallel mode adds the context before it (the IV for part 1: `h: []`
 * at offset 0, as the official SDK sends it); serial mode sends the part number alone.
 */
export function pdsPartInfo(part: Pick<PartRequest, "number" | "offset" | "midstates">, upload: Pick<PdsUploadRef, "hash" | "serial">): PartInfoRequest {
  if (upload.serial) return { part_number: part.number };
  const h = part.number === 1 ? [] : [...part.midstates[upload.hash]!.h];
  return { part_number: part.number, [ctxField(upload.hash)]: { h, part_offset: part.offset } };
}

/**
 * The PUT targets of the parts an operation issued, each part at most once and with an http(s) URL; OSS signs
 * Content-Type, so it is sent as issued (empty when none). `expected`: the part numbers asked for, all required.
 */
export function pdsTargets(operation: string, list: readonly UploadPartInfo[], expected: ReadonlySet<number>, complete: boolean): PartTarget[] {
  const place = { vendor: "pds", operation, list: "/part_info_list" };
  checkPartNumbers(
    { ...place, field: "part_number" },
    list.map((info) => info.part_number),
    expected,
    complete,
  );
  return list.map((info, i) => ({
    partNumber: info.part_number!,
    url: checkedUrl({ ...place, pointer: `/part_info_list/${i}/upload_url` }, info.upload_url ?? ""),
    method: "PUT",
    headers: { "Content-Type": info.content_type ?? "" },
  }));
}

/** Where the file lives: its drive, or a share link (with the client's share token). */
export type PdsLocation = { driveId: string; shareId?: undefined } | { shareId: string; driveId?: undefined };

export type PdsUploadRef = PdsLocation & {
  fileId: string;
  uploadId: string;
  hash: PdsHash;
  /** Serial mode: parts in order without contexts, checked by CRC-64 at complete. */
  serial?: true;
};

/** The `drive_id` or `share_id` every call names. */
export function pdsScope(location: PdsLocation): { drive_id: string } | { share_id: string } {
  return location.shareId === undefined ? { drive_id: location.driveId } : { share_id: location.shareId };
}

/**
 * get_upload_url for a batch of parts, each with the context before it. Targets issued by create are used first
 * (once); a renewal always asks again with the same context.
 */
export function pdsPartTargets(client: PdsClient, upload: PdsUploadRef, issued: Map<number, PartTarget>, engine: EngineOptions) {
  return async (parts: PartRequest[], { renewing, signal }: { renewing: boolean; signal: AbortSignal }): Promise<PartTarget[]> => {
    const ready = renewing ? [] : parts.flatMap((part) => issued.get(part.number) ?? []);
    for (const part of parts) issued.delete(part.number);
    const missing = parts.filter((part) => !ready.some((target) => target.partNumber === part.number));
    if (missing.length === 0) return ready;
    const { part_info_list = [] } = await oneVendorCall(engine, signal, (call) =>
      client.getUploadUrl({ ...pdsScope(upload), file_id: upload.fileId, upload_id: upload.uploadId, part_info_list: missing.map((part) => pdsPartInfo(part, upload)) }, call),
    );
    return [...ready, ...pdsTargets("/v2/file/get_upload_url", part_info_list, new Set(missing.map((part) => part.number)), true)];
  };
}
