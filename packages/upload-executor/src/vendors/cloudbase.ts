import { DirectUploadError } from "@direct-upload/client-core";
import type { CloudbaseClient, UploadInfoSuccessItem } from "@direct-upload/cloudbase-client";
import { createConcurrencyLimit, type ConcurrencyLimit } from "../core/concurrency.js";
import { CheckpointMismatchError, UploadAbortedError } from "../core/errors.js";
import type { EngineOptions } from "../core/options.js";
import { runPool } from "../core/pool.js";
import type { UploadSource } from "../core/source.js";
import { cloudbasePutPlan, refetchUploadInfo } from "./cloudbase-put.js";
import { emitCheckpoint, resumeState } from "./flow-checkpoint.js";
import { callVendor, flowEngine, reportDone, uploadWithDigest } from "./flow-run.js";
import type { FlowOptions, UploadResult } from "./types.js";

export interface CloudbaseUploadOptions extends FlowOptions {
  client: CloudbaseClient;
  /** Object path in the environment's bucket, e.g. `photos/cat.jpg`. */
  objectId: string;
}

export interface CloudbaseBatchFile {
  source: UploadSource;
  objectId: string;
}

export interface CloudbaseBatchOptions extends Omit<FlowOptions, "source" | "resumeFrom" | "onCheckpoint" | "partSize" | "concurrency" | "onProgress"> {
  client: CloudbaseClient;
  files: CloudbaseBatchFile[];
  /** Files sent at once (default 4), or a limit shared with other uploads. */
  concurrency?: number | ConcurrencyLimit;
  /** Bytes of all files together (files CloudBase refused are not counted in `total`). */
  onProgress?: FlowOptions["onProgress"];
}

/** One file of a batch, in request order: its result, or why that file (alone) failed. */
export type CloudbaseBatchItem =
  | { ok: true; objectId: string; result: UploadResult }
  | { ok: false; objectId: string; error: DirectUploadError };

/** Checkpoint state: `uploaded` (the PUT succeeded) lets a resume return without sending anything. */
export type CloudbaseCheckpointState =
  | { stage: "requested"; objectId: string }
  | { stage: "uploaded"; objectId: string; cloudObjectId: string; url: string; sha256: string };

function isCloudbaseState(state: unknown): state is CloudbaseCheckpointState {
  const s = state as Partial<Record<string, unknown>> | null;
  if (typeof s?.["objectId"] !== "string") return false;
  return s["stage"] === "requested" || (s["stage"] === "uploaded" && ["cloudObjectId", "url", "sha256"].every((k) => typeof s[k] === "string"));
}

function resultOf(objectId: string, bytes: number, done: { cloudObjectId: string; url: string; sha256: string }): UploadResult {
  return { vendor: "cloudbase", name: objectId, key: objectId, bytes, sha256: done.sha256, cloudObjectId: done.cloudObjectId, url: done.url };
}

async function putObject(client: CloudbaseClient, objectId: string, info: UploadInfoSuccessItem, source: UploadSource, engine: EngineOptions): Promise<UploadResult> {
  const { sha256 } = await uploadWithDigest(source, cloudbasePutPlan(client, objectId, info, source, engine), engine);
  return resultOf(objectId, source.size, { cloudObjectId: info.cloudObjectId, url: info.downloadUrl, sha256 });
}

/** get-objects-upload-info for one object → COS PUT with the issued Authorization, security token and file meta. */
export async function uploadToCloudbase(options: CloudbaseUploadOptions): Promise<UploadResult> {
  const { client, source, objectId } = options;
  const engine = flowEngine(options);
  const resumed = await resumeState(options, "cloudbase", isCloudbaseState);
  if (resumed && resumed.objectId !== objectId) throw new CheckpointMismatchError(`it is for object ${resumed.objectId}, not ${objectId}`);
  if (resumed?.stage === "uploaded") {
    reportDone(options, source.size);
    return resultOf(objectId, source.size, resumed);
  }
  const info = await refetchUploadInfo(client, objectId, engine);
  await emitCheckpoint(options, "cloudbase", { stage: "requested", objectId } satisfies CloudbaseCheckpointState);
  const result = await putObject(client, objectId, info, source, engine);
  await emitCheckpoint(options, "cloudbase", { stage: "uploaded", objectId, cloudObjectId: result.cloudObjectId!, url: result.url!, sha256: result.sha256 } satisfies CloudbaseCheckpointState);
  return result;
}

/**
 * Many files with ONE get-objects-upload-info call, then a PUT per file. A file whose item CloudBase refused, or
 * whose PUT failed, is reported in its place; the others still upload. Rejects only when the batch call itself
 * fails or the caller aborts (UploadAbortedError).
 */
export async function uploadManyToCloudbase(options: CloudbaseBatchOptions): Promise<CloudbaseBatchItem[]> {
  const { client, files } = options;
  const { concurrency, onProgress, ...rest } = options;
  const engine = flowEngine(rest);
  const signal = engine.signal;
  const infos = await callVendor(engine, (s) => client.getObjectsUploadInfo(files.map(({ objectId }) => ({ objectId })), { signal: s }));
  const limit = typeof concurrency === "object" ? concurrency : createConcurrencyLimit(concurrency ?? 4);
  const progress = batchProgress(files.filter((_, i) => infos[i]!.ok).reduce((sum, f) => sum + f.source.size, 0), onProgress);

  // `limit.size` files at a time, every PUT under the shared limit: a throttling answer slows the whole batch.
  const items: CloudbaseBatchItem[] = [];
  await runPool(files, limit.size, async ({ source, objectId }, index) => {
    const matched = infos[index]!;
    if (!matched.ok) {
      items[index] = { ok: false, objectId, error: matched.error };
      return;
    }
    const fileEngine: EngineOptions = { ...engine, concurrency: limit, onProgress: (p) => progress(index, p.loaded) };
    try {
      items[index] = { ok: true, objectId, result: await putObject(client, objectId, matched.result, source, fileEngine) };
    } catch (error) {
      items[index] = { ok: false, objectId, error: asTyped(error, objectId) };
    }
  }, signal);
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

function asTyped(error: unknown, objectId: string): DirectUploadError {
  if (error instanceof DirectUploadError) return error;
  return new DirectUploadError("upload_failed", `Uploading ${objectId} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
