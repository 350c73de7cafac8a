import { DirectUploadError } from "@direct-upload/client-core";
import type { CloudbaseClient, UploadInfoSuccessItem } from "@direct-upload/cloudbase-client";
import { createConcurrencyLimit, type ConcurrencyLimit } from "../../core/concurrency.js";
import { PlanError, UploadAbortedError } from "../../core/errors.js";
import type { EngineOptions } from "../../core/options.js";
import { runPool } from "../../core/pool.js";
import type { UploadSource } from "../../core/source.js";
import { flowEngine } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { uploadSingleRequest, uploadWithDigest, type SingleRequestState } from "../single-request-flow.js";
import { CLOUDBASE_BATCH_LIMIT, uploadInfoInBatches } from "./cloudbase-batches.js";
import { cloudbasePutPlan, cloudbaseTarget, refetchUploadInfo } from "./cloudbase-put.js";

export interface CloudbaseUploadOptions extends FlowOptions {
  client: CloudbaseClient;
  /** Object path in the environment's bucket, e.g. `photos/cat.jpg` (CloudBase's objectId; default: the source name). */
  name?: string;
}

export interface CloudbaseBatchFile {
  source: UploadSource;
  /** Object path in the bucket, as in CloudbaseUploadOptions (default: the source name). */
  name?: string;
}

export interface CloudbaseBatchOptions extends Omit<FlowOptions, "source" | "resumeFrom" | "onCheckpoint" | "partSize" | "concurrency" | "onProgress"> {
  client: CloudbaseClient;
  files: CloudbaseBatchFile[];
  /** Files sent at once (default 4), or a limit shared with other uploads. */
  concurrency?: number | ConcurrencyLimit;
  /** Bytes of all files together (files CloudBase refused are not counted in `total`). */
  onProgress?: FlowOptions["onProgress"];
  /** Most files per get-objects-upload-info call (default CLOUDBASE_BATCH_LIMIT); halved when CloudBase answers OBJECT_BATCH_TOO_LARGE. */
  batchSize?: number;
}

/** One file of a batch, in request order: its result, or why that file (alone) failed. */
export type CloudbaseBatchItem = { ok: true; name: string; result: UploadResult } | { ok: false; name: string; error: DirectUploadError };

/** The stored object CloudBase announced with the upload info: its cloud id and download URL. */
export interface CloudbaseObjectRef {
  cloudObjectId: string;
  url: string;
}

/** Checkpoint state: `uploaded` (the PUT succeeded) lets a resume return without sending anything. */
export type CloudbaseCheckpointState = SingleRequestState<CloudbaseObjectRef>;

function resultOf(name: string, bytes: number, sha256: string, { cloudObjectId, url }: CloudbaseObjectRef): UploadResult {
  return { vendor: "cloudbase", name, key: name, bytes, sha256, cloudObjectId, url };
}

const objectRef = (info: UploadInfoSuccessItem): CloudbaseObjectRef => ({ cloudObjectId: info.cloudObjectId, url: info.downloadUrl });

/** get-objects-upload-info for one object → COS PUT with the issued Authorization, security token and file meta. */
export async function uploadToCloudbase(options: CloudbaseUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  const engine = flowEngine(options);
  const name = options.name ?? source.name;
  return uploadSingleRequest(options, engine, {
    vendor: "cloudbase",
    name,
    isRef: (state) => typeof state["cloudObjectId"] === "string" && typeof state["url"] === "string",
    request: async () => {
      const info = await refetchUploadInfo(client, name, engine);
      return { ref: objectRef(info), plan: { kind: "put", ...cloudbaseTarget(info, source) } };
    },
    finish: (ref, sha256) => resultOf(name, source.size, sha256, ref),
  });
}

/**
 * Many files with get-objects-upload-info calls of up to `batchSize` items, then a PUT per file. A file whose item
 * CloudBase refused (e.g. OBJECT_ALREADY_EXIST: the operation cannot be performed on that object), or whose PUT
 * failed, is reported in its place; the others still upload. Rejects only when a batch call itself fails or the
 * caller aborts (UploadAbortedError).
 */
export async function uploadManyToCloudbase(options: CloudbaseBatchOptions): Promise<CloudbaseBatchItem[]> {
  const { client } = options;
  const { concurrency, onProgress, batchSize, ...rest } = options;
  const files = options.files.map((file) => ({ source: file.source, name: file.name ?? file.source.name }));
  const engine = flowEngine(rest);
  const signal = engine.signal;
  const size = batchSize ?? CLOUDBASE_BATCH_LIMIT;
  if (!Number.isInteger(size) || size < 1) throw new PlanError(`batchSize must be a positive integer, got ${String(batchSize)}`);
  const infos = await uploadInfoInBatches(
    client,
    files.map(({ name }) => ({ objectId: name })),
    size,
    engine,
  );
  const limit = typeof concurrency === "object" ? concurrency : createConcurrencyLimit(concurrency ?? 4);
  const progress = batchProgress(
    files.filter((_, i) => infos[i]!.ok).reduce((sum, f) => sum + f.source.size, 0),
    onProgress,
  );

  // `limit.size` files at a time, every PUT under the shared limit: a throttling answer slows the whole batch.
  const items: CloudbaseBatchItem[] = [];
  await runPool(
    files,
    limit.size,
    async ({ source, name }, index) => {
      const matched = infos[index]!;
      if (!matched.ok) {
        items[index] = { ok: false, name, error: matched.error };
        return;
      }
      const fileEngine: EngineOptions = { ...engine, concurrency: limit, onProgress: (p) => progress(index, p.loaded) };
      try {
        const { sha256 } = await uploadWithDigest(source, cloudbasePutPlan(client, name, matched.result, source, fileEngine), fileEngine);
        items[index] = { ok: true, name, result: resultOf(name, source.size, sha256, objectRef(matched.result)) };
      } catch (error) {
        items[index] = { ok: false, name, error: asTyped(error, name) };
      }
    },
    signal,
  );
  if (signal?.aborted) throw new UploadAbortedError(signal.reason);
  return items;
}

/** Sums the files' own (monotonic) progress into one batch figure. */
function batchProgress(total: number, emit: FlowOptions["onProgress"]) {
  const loaded = new Map<number, number>();
  let sum = 0;
  return (index: number, bytes: number) => {
    const before = loaded.get(index);
    if (before !== undefined && bytes <= before) return;
    loaded.set(index, bytes);
    sum += bytes - (before ?? 0);
    emit?.({ loaded: sum, total });
  };
}

function asTyped(error: unknown, name: string): DirectUploadError {
  if (DirectUploadError.is(error)) return error;
  return new DirectUploadError("upload_failed", `Uploading ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
