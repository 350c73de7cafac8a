import type { HashAlgorithm } from "../../midstate/hash-state.js";
import type { StoredObject } from "../../types.js";
import type { PdsFileEntry, PdsState } from "./uploads.js";

/** A new file of the drive under `name`, still uploading; its name counts for check_name_mode at once. */
export function addFileEntry(state: PdsState, input: { name: string; parentFileId: string; contentType: string }): PdsFileEntry {
  const now = new Date(state.ctx.now()).toISOString();
  const entry: PdsFileEntry = { fileId: state.ctx.randomId(20), ...input, createdAt: now, updatedAt: now, versions: 0 };
  state.files.set(entry.fileId, entry);
  state.names.set(`${entry.parentFileId}/${entry.name}`, entry.fileId);
  return entry;
}

/** Makes `object` the file's content (a new version when it had one) and lists it for later rapid uploads. */
export async function setFileContent(state: PdsState, entry: PdsFileEntry, object: StoredObject, algorithm: HashAlgorithm, crc64?: string): Promise<void> {
  entry.object = object;
  entry.algorithm = algorithm;
  entry.versions += 1;
  entry.updatedAt = new Date(state.ctx.now()).toISOString();
  if (crc64 === undefined) delete entry.crc64;
  else entry.crc64 = crc64;
  await state.contents.add(object);
}

/** The File body of completeFile and getFile. */
export function fileBody(state: PdsState, entry: PdsFileEntry, uploadId?: string) {
  const dot = entry.name.lastIndexOf(".");
  const digest = entry.object && entry.algorithm ? entry.object[entry.algorithm] : undefined;
  return {
    domain_id: state.domainId,
    drive_id: state.driveId,
    file_id: entry.fileId,
    parent_file_id: entry.parentFileId,
    name: entry.name,
    type: "file",
    size: entry.object?.size ?? 0,
    status: entry.object ? "available" : "uploading",
    ...(uploadId === undefined ? {} : { upload_id: uploadId }),
    content_type: entry.contentType,
    ...(dot > 0 ? { file_extension: entry.name.slice(dot + 1).toLowerCase() } : {}),
    ...(digest ? { content_hash: digest.toUpperCase(), content_hash_name: entry.algorithm } : {}),
    ...(entry.crc64 === undefined ? {} : { crc64_hash: entry.crc64 }),
    created_at: entry.createdAt,
    updated_at: entry.updatedAt,
    hidden: false,
    starred: false,
  };
}
