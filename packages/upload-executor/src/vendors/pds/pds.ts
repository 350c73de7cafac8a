import { DirectUploadError } from "@direct-upload/client-core";
import type { PdsClient } from "@direct-upload/pds-client";
import { CheckpointMismatchError } from "../../core/errors.js";
import type { EngineOptions } from "../../core/options.js";
import type { MultipartPlan, PartTarget } from "../../core/plan.js";
import { resumeState } from "../flow-checkpoint.js";
import { callVendor, flowEngine } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { flowParts, isMultipartState, uploadFlowParts } from "../multipart-flow.js";
import { PDS_PART_SIZING, pdsPartInfo, pdsPartTargets, pdsTargets, type PdsHash, type PdsUploadRef } from "./pds-parts.js";
import { listUploadedParts, reconcileDone } from "./pds-resume.js";

export interface PdsUploadOptions extends FlowOptions {
  client: PdsClient;
  driveId: string;
  /** Parent folder ID (default "root"). */
  parentFileId?: string;
  /** File name (default: the source name); see `checkNameMode` for an existing one. */
  name?: string;
  /** Algorithm of the part contexts and of content_hash (default "sha1", as PDS itself). */
  hash?: PdsHash;
  /** Same-name handling: "ignore" (PDS default, duplicates allowed), "auto_rename" or "refuse". */
  checkNameMode?: "ignore" | "auto_rename" | "refuse";
}

/** What a PDS checkpoint adds to the engine's: the upload to resume and the algorithm its contexts use. */
export interface PdsUploadState extends PdsUploadRef {
  name: string;
}

const isPdsState = isMultipartState((vendor): vendor is PdsUploadState => {
  const v = vendor as Partial<PdsUploadState> | null;
  return typeof v?.driveId === "string" && typeof v.fileId === "string" && typeof v.uploadId === "string" && typeof v.name === "string" && (v.hash === "sha1" || v.hash === "sha256");
});

/** PDS finished the file with another content hash than the one computed while uploading. */
export class PdsDigestMismatchError extends DirectUploadError {
  constructor(algorithm: PdsHash, expected: string, actual: string) {
    super("digest_mismatch", `PDS stored content with ${algorithm} ${actual}, but the uploaded bytes hash to ${expected}`, {
      hint: "The source changed while it was uploaded or the storage corrupted it; upload the file again",
    });
  }
}

/**
 * create (parallel_upload, part 1's context) → get_upload_url in batches shortly before use, each part with the
 * SHA-1 (or SHA-256) state before it from one hashing pass that runs ahead of the uploads → PUTs → complete with
 * every part's ETag. A resume first reconciles the checkpoint with list_uploaded_parts.
 */
export async function uploadToPds(options: PdsUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  const engine = flowEngine(options);
  let resume = await resumeState(options, "pds", isPdsState);
  if (resume && options.hash && resume.vendor!.hash !== options.hash) {
    throw new CheckpointMismatchError(`its parts were hashed with ${resume.vendor!.hash}, not ${options.hash}`);
  }
  const parts = flowParts(source.size, PDS_PART_SIZING, options, resume);
  const issued = new Map<number, PartTarget>();
  let upload: PdsUploadState;
  if (resume) {
    upload = resume.vendor!;
    resume = reconcileDone(resume, await listUploadedParts(client, upload, engine), upload.hash);
  } else {
    upload = await createUpload(options, engine, issued);
  }

  const hash = upload.hash;
  const plan: MultipartPlan<PdsUploadState> = {
    kind: "multipart",
    parts,
    vendor: upload,
    // The result's SHA-256 comes from the same pass as the contexts.
    midstates: { algorithms: hash === "sha256" ? ["sha256"] : ["sha1", "sha256"] },
    getPartTargets: pdsPartTargets(client, upload, issued, engine),
  };
  const { parts: done, digests } = await uploadFlowParts(options, "pds", plan, engine, resume);
  const file = await callVendor(engine, (call) =>
    client.completeFile(
      { drive_id: upload.driveId, file_id: upload.fileId, upload_id: upload.uploadId, part_info_list: done.map((part) => ({ part_number: part.number, etag: part.etag })) },
      call,
    ),
  );
  const stored = file.content_hash?.toLowerCase();
  if (stored !== undefined && stored !== digests[hash]) throw new PdsDigestMismatchError(hash, digests[hash]!, stored);
  return {
    vendor: "pds",
    name: file.name ?? upload.name,
    bytes: source.size,
    sha256: digests.sha256!,
    ...(stored === undefined ? {} : { vendorDigest: { algorithm: file.content_hash_name ?? hash, hex: stored } }),
    fileId: upload.fileId,
    uploadId: upload.uploadId,
  };
}

/** create in parallel mode, asking for part 1 (whose context is the IV) so the first PUT needs no extra call. */
async function createUpload(options: PdsUploadOptions, engine: EngineOptions, issued: Map<number, PartTarget>): Promise<PdsUploadState> {
  const { source } = options;
  const hash = options.hash ?? "sha1";
  const name = options.name ?? source.name;
  const created = await callVendor(engine, (call) =>
    options.client.createFile(
      {
        drive_id: options.driveId,
        parent_file_id: options.parentFileId ?? "root",
        name,
        type: "file",
        size: source.size,
        parallel_upload: true,
        content_hash_name: hash,
        part_info_list: [pdsPartInfo({ number: 1, offset: 0, midstates: {} }, hash)],
        ...(source.type ? { content_type: source.type } : {}),
        ...(options.checkNameMode ? { check_name_mode: options.checkNameMode } : {}),
      },
      call,
    ),
  );
  if (!created.upload_id) {
    throw new DirectUploadError("pds_no_upload_id", `PDS created ${name} without an upload_id (a rapid upload or a folder)`, {
      hint: "Check that the name does not point to an existing folder; nothing was uploaded",
    });
  }
  // Asked for part 1 only; a reply without it leaves the part to get_upload_url.
  for (const target of pdsTargets("/v2/file/create", created.part_info_list ?? [], new Set([1]), false)) issued.set(target.partNumber, target);
  return { driveId: options.driveId, fileId: created.file_id, uploadId: created.upload_id, name: created.file_name ?? name, hash };
}
