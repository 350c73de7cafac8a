import { createPdsClient, type PartInfoRequest } from "@direct-upload/pds-client";

const pds = createPdsClient({ domainId: "<domain id>", token: async () => "<access token>" });

/** A part, with the SHA-1 state of everything before it (see the midstate page). */
export interface HashedPart {
  bytes: Blob;
  offset: number; // a multiple of 64
  h: number[]; // h0..h4; [] for part 1
}

export async function uploadToPds(driveId: string, name: string, parts: HashedPart[], sha1: string) {
  const partInfoList: PartInfoRequest[] = parts.map((part, index) => ({
    part_number: index + 1,
    parallel_sha1_ctx: { h: part.h, part_offset: part.offset },
  }));

  // 1. Create the file for a parallel upload: one pre-signed OSS URL per part.
  const created = await pds.createFile({
    drive_id: driveId,
    parent_file_id: "root",
    name,
    type: "file",
    size: parts.reduce((sum, part) => sum + part.bytes.size, 0),
    content_hash: sha1,
    content_hash_name: "sha1",
    parallel_upload: true,
    part_info_list: partInfoList,
  });
  const uploadId = created.upload_id;
  if (created.rapid_upload || !uploadId) return created.file_id; // PDS already had the content

  // 2. PUT all parts concurrently, keeping the ETags.
  const etags = await Promise.all(
    (created.part_info_list ?? []).map(async ({ part_number, upload_url }) => {
      const part = parts[(part_number ?? 0) - 1];
      if (!part || !upload_url) throw new Error(`no upload target for part ${part_number}`);
      const stored = await fetch(upload_url, { method: "PUT", body: part.bytes });
      if (!stored.ok) throw new Error(`part ${part_number}: OSS answered ${stored.status}`);
      return { part_number, etag: stored.headers.get("ETag") ?? "" };
    }),
  );

  // 3. Complete: PDS checks the chained states and the whole-file SHA-1.
  const file = await pds.completeFile({
    drive_id: driveId,
    file_id: created.file_id,
    upload_id: uploadId,
    part_info_list: etags,
  });
  return file.file_id;
}
