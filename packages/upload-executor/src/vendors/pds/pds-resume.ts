import { InvalidReplyError } from "@direct-upload/client-core";
import type { PdsClient, UploadPartInfo } from "@direct-upload/pds-client";
import type { MultipartCheckpoint, UploadedPart } from "../../core/multipart/checkpoint.js";
import type { EngineOptions } from "../../core/options.js";
import { callVendor } from "../flow-engine.js";
import { checkPartNumbers } from "../reply-checks.js";
import { PDS_PART_SIZING, ctxField, pdsScope, type PdsUploadRef } from "./pds-parts.js";

/** The documented maximum page size (the official SDK's 1000 is out of range). */
const PAGE_SIZE = 100;

const OPERATION = "/v2/file/list_uploaded_parts";

/** Every part PDS holds for the upload, page by page; a marker that does not move forward ends it with an error. */
export async function listUploadedParts(client: PdsClient, upload: PdsUploadRef, engine: EngineOptions, maxPart = PDS_PART_SIZING.maxParts): Promise<UploadPartInfo[]> {
  const parts: UploadPartInfo[] = [];
  let marker: number | undefined;
  do {
    const page = await callVendor(engine, (call) =>
      client.listUploadedParts(
        { ...pdsScope(upload), file_id: upload.fileId, upload_id: upload.uploadId, limit: PAGE_SIZE, ...(marker === undefined ? {} : { part_number_marker: marker }) },
        call,
      ),
    );
    parts.push(...(page.uploaded_parts ?? []));
    const next = page.next_part_number_marker ? Number(page.next_part_number_marker) : undefined;
    // Markers are part numbers: each page must start past the last one, and none lies past the last possible part.
    if (next !== undefined && !(Number.isInteger(next) && next > (marker ?? 0) && next <= maxPart)) {
      throw new InvalidReplyError("pds", OPERATION, "/next_part_number_marker", `must be a part number after ${marker ?? 0} and at most ${maxPart}`);
    }
    marker = next;
  } while (marker !== undefined);
  const place = { vendor: "pds", operation: OPERATION, list: "/uploaded_parts", field: "part_number" };
  checkPartNumbers(
    place,
    parts.map((part) => part.part_number),
    new Set(parts.flatMap((part) => part.part_number ?? [])),
    false,
  );
  return parts;
}

/**
 * The checkpoint with its done parts replaced by what PDS really holds: parts stored after the last checkpoint was
 * saved count as done, parts the checkpoint lists but PDS lost are sent again. A stored part counts only when its
 * size and context match the layout (and the midstate the checkpoint recorded), so the chain still verifies.
 */
export function reconcileDone<Vendor>(checkpoint: MultipartCheckpoint<Vendor>, uploaded: readonly UploadPartInfo[], hash: PdsUploadRef["hash"]): MultipartCheckpoint<Vendor> {
  const layout = new Map(checkpoint.parts.map((part) => [part.number, part]));
  const done: UploadedPart[] = [];
  for (const stored of uploaded) {
    const part = stored.part_number === undefined ? undefined : layout.get(stored.part_number);
    // A part listed twice (the SDK's marker - 1 paging lists each page's last part again) counts once.
    if (!part || done.some((d) => d.number === part.number) || !stored.etag || (stored.part_size !== undefined && stored.part_size !== part.size)) continue;
    const ctx = stored[ctxField(hash)];
    const known = checkpoint.midstates[part.number]?.[hash];
    if (ctx?.part_offset !== undefined && ctx.part_offset !== part.offset) continue;
    if (part.number > 1 && ctx?.h && known && ctx.h.join() !== known.h.join()) continue;
    done.push({ number: part.number, offset: part.offset, size: part.size, etag: stored.etag });
  }
  return { ...checkpoint, done: done.sort((a, b) => a.number - b.number) };
}
