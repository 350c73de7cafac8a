import { DirectUploadError, VendorApiError } from "@direct-upload/client-core";
import type { CreateFileRequest, CreateFileResponse } from "@direct-upload/pds-client";
import type { EngineOptions } from "../../core/options.js";
import type { PartLayout } from "../../core/part-layout.js";
import type { PartTarget } from "../../core/plan.js";
import type { HashAlgorithm } from "../../core/multipart/midstates.js";
import type { UploadResult } from "../flow-types.js";
import { createPdsFile, type PdsCreated } from "./pds-create.js";
import { pdsPartInfo, pdsTargets, type PdsHash, type PdsLocation, type PdsUploadRef } from "./pds-parts.js";
import { hashWhole, type WholeHash } from "../whole-hash.js";
import { preHash, PRE_HASH_BYTES } from "./pds-rapid.js";
import type { PdsUploadOptions } from "./pds-options.js";

export type PdsUploadState = PdsUploadRef & { name: string };

/** How create ended: an upload to run, or a file that needs no bytes (a name that exists, a rapid upload). */
export type PdsStart = { kind: "upload"; upload: PdsUploadState; whole: WholeHash | undefined } | { kind: "finished"; result: UploadResult };

/**
 * create with the rapid-upload hashes the policy allows (see PdsRapidPolicy), asking for part 1 (whose context is
 * the IV) so the first PUT needs no extra call. A pre-hash match (409) hashes the whole file and creates again.
 */
export async function startPdsUpload(
  options: PdsUploadOptions,
  engine: EngineOptions,
  location: PdsLocation,
  parts: readonly PartLayout[],
  algorithms: readonly HashAlgorithm[],
  issued: Map<number, PartTarget>,
): Promise<PdsStart> {
  const { source } = options;
  const hash = options.hash ?? "sha1";
  const name = options.name ?? source.name;
  const hashAll = () =>
    hashWhole(
      source,
      parts.map((part) => part.offset),
      algorithms,
      engine.signal,
    );
  let whole: WholeHash | undefined;
  let pre: string | undefined;
  if ((options.rapid ?? "auto") === "auto") {
    if (source.size <= PRE_HASH_BYTES) whole = await hashAll();
    else pre = await preHash(source, hash);
  }
  const body = (serial: boolean): CreateFileRequest => ({
    parent_file_id: options.parentFileId ?? "root",
    name,
    type: "file",
    size: source.size,
    parallel_upload: !serial,
    content_hash_name: hash,
    part_info_list: [pdsPartInfo({ number: 1, offset: 0, midstates: {} }, { hash, ...(serial ? { serial } : {}) })],
    ...(source.type ? { content_type: source.type } : {}),
    ...(whole ? { content_hash: whole.digests[hash]!.toUpperCase() } : pre ? { pre_hash: pre } : {}),
  });
  const create = () => createPdsFile({ client: options.client, engine, location, onConflict: options.onConflict, body, serial: options.mode === "serial" });
  let created: PdsCreated;
  try {
    created = await create();
  } catch (error) {
    if (pre === undefined || !VendorApiError.is(error) || error.status !== 409) throw error;
    whole = await hashAll();
    pre = undefined;
    created = await create();
  }
  const { answer, serial } = created;
  if (answer.exist || answer.rapid_upload) {
    const digests = (whole ?? (await hashAll())).digests;
    return { kind: "finished", result: finished(answer, name, source.size, hash, digests) };
  }
  if (!answer.upload_id) {
    throw new DirectUploadError("pds_no_upload_id", `PDS created ${name} without an upload_id (a folder, or an answer the flow does not know)`, {
      hint: "Check that the name does not point to an existing folder; nothing was uploaded",
    });
  }
  for (const target of pdsTargets("/v2/file/create", answer.part_info_list ?? [], new Set([1]), false)) issued.set(target.partNumber, target);
  const upload: PdsUploadState = {
    ...location,
    fileId: answer.file_id,
    uploadId: answer.upload_id,
    name: answer.file_name ?? name,
    hash,
    ...(serial ? { serial: true as const } : {}),
  };
  return { kind: "upload", upload, whole };
}

/** The result of a create that sent no bytes: `existed` keeps the existing file as it was, `rapid` reused stored content. */
function finished(answer: CreateFileResponse, name: string, bytes: number, hash: PdsHash, digests: Partial<Record<HashAlgorithm, string>>): UploadResult {
  return {
    vendor: "pds",
    name: answer.file_name ?? name,
    bytes,
    sha256: digests.sha256!,
    fileId: answer.file_id,
    ...(answer.exist ? { existed: true } : { rapid: true, vendorDigest: { algorithm: hash, hex: digests[hash]! } }),
  };
}
