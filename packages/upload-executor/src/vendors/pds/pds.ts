import { brandError, DirectUploadError, isBrandedError, VendorApiError } from "@direct-upload/client-core";
import type { PdsClient, PdsFile } from "@direct-upload/pds-client";
import { CheckpointMismatchError, PlanError } from "../../core/errors.js";
import type { UploadedPart } from "../../core/multipart/checkpoint.js";
import type { MidstateProvider } from "../../core/multipart/midstates.js";
import type { EngineOptions } from "../../core/options.js";
import type { MultipartPlan, PartTarget } from "../../core/plan.js";
import { resumeState } from "../flow-checkpoint.js";
import { callVendor, flowEngine, reportDone } from "../flow-engine.js";
import type { UploadResult } from "../flow-types.js";
import { flowParts, isMultipartState, uploadFlowParts } from "../multipart-flow.js";
import type { PdsUploadOptions } from "./pds-options.js";
import { PDS_PART_SIZING, pdsPartTargets, pdsScope, type PdsHash, type PdsLocation } from "./pds-parts.js";
import { startPdsUpload, type PdsUploadState } from "./pds-start.js";

export type { PdsUploadOptions, PdsUploadState };

const isPdsState = isMultipartState((vendor): vendor is PdsUploadState => {
  const v = vendor as Partial<PdsUploadState> | null;
  return (
    (typeof v?.driveId === "string" || typeof v?.shareId === "string") &&
    typeof v.fileId === "string" &&
    typeof v.uploadId === "string" &&
    typeof v.name === "string" &&
    (v.hash === "sha1" || v.hash === "sha256") &&
    (v.serial === undefined || v.serial === true)
  );
});

/**
 * What get_upload_url or complete answers when a rapid upload gave the file its content while this upload was
 * paused. The official SDK's resume counts it as success (`BaseUploader.js` `run`, the `AlreadyExist.File` branch).
 */
const ALREADY_EXIST_FILE = "AlreadyExist.File";

/** PDS finished the file with another content hash than the one computed while uploading. */
export class PdsDigestMismatchError extends DirectUploadError {
  static override is(value: unknown): value is PdsDigestMismatchError {
    return isBrandedError(value, "PdsDigestMismatchError");
  }

  override name: string = brandError(this, "PdsDigestMismatchError");

  constructor(algorithm: PdsHash | "crc64", expected: string, actual: string) {
    super("digest_mismatch", `PDS stored content with ${algorithm} ${actual}, but the uploaded bytes hash to ${expected}`, {
      hint: "The source changed while it was uploaded or the storage corrupted it; upload the file again",
    });
  }
}

/**
 * create (rapid-upload hashes per `rapid`, name conflicts per `onConflict`, parallel or serial) → get_upload_url in
 * batches shortly before use, each part with the SHA-1 (or SHA-256) state before it from one hashing pass that runs
 * ahead of the uploads (serial: one part at a time, no contexts, a CRC-64 alongside) → PUTs → complete with every
 * part's ETag. A resume first reconciles the checkpoint with list_uploaded_parts. `NotFound.UploadId` there or at
 * complete is confirmed with get: the upload may have completed before its answer was lost. `AlreadyExist.File`
 * from get_upload_url or complete is confirmed with get too: a rapid upload gave the file these bytes meanwhile.
 */
export async function uploadToPds(options: PdsUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  const engine = flowEngine(options);
  const location = pdsLocation(options);
  let resume = await resumeState(options, "pds", isPdsState);
  if (resume && options.hash && resume.vendor!.hash !== options.hash) {
    throw new CheckpointMismatchError(`its parts were hashed with ${resume.vendor!.hash}, not ${options.hash}`);
  }
  const hash = resume?.vendor?.hash ?? options.hash ?? "sha1";
  // The result's SHA-256 comes from the same pass as the contexts.
  const algorithms = hash === "sha256" ? (["sha256"] as const) : (["sha1", "sha256"] as const);
  const parts = flowParts(source.size, PDS_PART_SIZING, options, resume);
  const issued = new Map<number, PartTarget>();
  let upload: PdsUploadState;
  let provider: MidstateProvider | undefined;
  if (resume) {
    upload = resume.vendor!;
    // Only a resume needs this code: it loads then (a smaller page).
    const { listUploadedParts, reconcileDone } = await import("./pds-resume.js");
    const known = resume.digests?.[hash];
    const listed = await confirmGone(client, engine, upload, known, () => listUploadedParts(client, upload, engine));
    if ("file" in listed) {
      reportDone(options, source.size);
      return completedResult(options, upload, listed.file, resume.digests!.sha256!, known!);
    }
    resume = reconcileDone(resume, listed.value, hash);
  } else {
    const started = await startPdsUpload(options, engine, location, parts, algorithms, issued);
    if (started.kind === "finished") {
      reportDone(options, source.size);
      return started.result;
    }
    upload = started.upload;
    const pass = started.whole?.pass;
    if (pass) provider = () => pass;
  }

  // Serial parts must reach OSS in order: one at a time.
  if (upload.serial) engine.concurrency = 1;
  // Serial mode is rare: CRC-64 loads only when it is used (a smaller page).
  const crc = upload.serial ? import("../../core/crc64.js").then(({ crc64OfSource }) => crc64OfSource(source, engine.signal)) : undefined;
  crc?.catch(() => undefined);
  const plan: MultipartPlan<PdsUploadState> = {
    kind: "multipart",
    parts,
    vendor: upload,
    // Only the context algorithm needs states; in SHA-1 mode the reported SHA-256 comes from the same read without them.
    midstates: { algorithms: [hash], digests: hash === "sha256" ? [] : ["sha256"], ...(provider ? { provider } : {}) },
    getPartTargets: pdsPartTargets(client, upload, issued, engine),
  };
  const send = async (): Promise<UploadResult> => {
    const { parts: done, digests, hashing, hasher } = await uploadFlowParts(options, "pds", plan, engine, resume);
    const crc64 = await crc;
    const completed = await confirmGone(client, engine, upload, digests[hash], () => complete(client, engine, upload, done, crc64));
    const file = "file" in completed ? completed.file : completed.value;
    if (crc64 !== undefined && file.crc64_hash !== undefined && file.crc64_hash !== crc64) throw new PdsDigestMismatchError("crc64", crc64, file.crc64_hash);
    return { ...completedResult(options, upload, file, digests.sha256!, digests[hash]!), hashing, hasher };
  };
  return send().catch(async (error: unknown) => {
    if (!VendorApiError.is(error) || error.vendorCode !== ALREADY_EXIST_FILE) throw error;
    // Rare as well, so loaded only when this answer comes; it builds its own result (it cannot import this file).
    return (await import("./pds-exists.js")).existingContent(error, options, engine, upload, algorithms);
  });
}

function pdsLocation(options: PdsUploadOptions): PdsLocation {
  if (options.shareId !== undefined) return { shareId: options.shareId };
  if (options.driveId !== undefined) return { driveId: options.driveId };
  throw new PlanError("PDS upload without a drive", "Pass driveId, or shareId (with the client's shareToken) for a share link");
}

function complete(client: PdsClient, engine: EngineOptions, upload: PdsUploadState, done: UploadedPart[], crc64: string | undefined): Promise<PdsFile> {
  return callVendor(engine, (call) =>
    client.completeFile(
      {
        ...pdsScope(upload),
        file_id: upload.fileId,
        upload_id: upload.uploadId,
        part_info_list: done.map((part) => ({ part_number: part.number, etag: part.etag })),
        ...(crc64 === undefined ? {} : { crc64_hash: crc64 }),
      },
      call,
    ),
  );
}

/**
 * Runs `call`; on `NotFound.UploadId` reads the file, and when it is available with the content hash of these
 * bytes the upload had completed (the SDK's check after a lost complete answer). Anything else rethrows.
 */
async function confirmGone<T>(
  client: PdsClient,
  engine: EngineOptions,
  upload: PdsUploadState,
  digest: string | undefined,
  call: () => Promise<T>,
): Promise<{ value: T } | { file: PdsFile }> {
  try {
    return { value: await call() };
  } catch (error) {
    if (digest === undefined || !VendorApiError.is(error) || !error.vendorCode.startsWith("NotFound.UploadId")) throw error;
    const file = await callVendor(engine, (call) => client.getFile({ ...pdsScope(upload), file_id: upload.fileId }, call)).catch(() => undefined);
    if (file?.status !== "available" || file.content_hash?.toLowerCase() !== digest) throw error;
    return { file };
  }
}

function completedResult(options: PdsUploadOptions, upload: PdsUploadState, file: PdsFile, sha256: string, digest: string): UploadResult {
  const stored = file.content_hash?.toLowerCase();
  if (stored !== undefined && stored !== digest) throw new PdsDigestMismatchError(upload.hash, digest, stored);
  return {
    vendor: "pds",
    name: file.name ?? upload.name,
    bytes: options.source.size,
    sha256,
    ...(stored === undefined ? {} : { vendorDigest: { algorithm: file.content_hash_name ?? upload.hash, hex: stored } }),
    fileId: upload.fileId,
    uploadId: upload.uploadId,
  };
}
