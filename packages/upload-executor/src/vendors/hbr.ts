import { createTempFileUploadUrl, type CreateTempFileUploadUrlResponse, type HbrClient } from "@direct-upload/hbr-client";
import { emitCheckpoint, resumeState } from "./flow-checkpoint.js";
import { callVendor, flowEngine, reportDone, uploadWithDigest } from "./flow-run.js";
import { hbrFormPlan, virtualHostedOssUrl, type OssUrlBuilder } from "./hbr-form.js";
import type { FlowOptions, UploadResult } from "./types.js";

export interface HbrUploadOptions extends FlowOptions {
  client: HbrClient;
  /** File name; it becomes the last segment of the temp key (default: the source name). */
  fileName?: string;
  /** OSS address for the form (default `https://{BucketName}.{Endpoint}/`); see `pathStyleOssUrl`. */
  storageUrl?: OssUrlBuilder;
}

/** Checkpoint state: `uploaded` means OSS has the file under `key`, so a resume sends nothing. */
export type HbrCheckpointState = { stage: "requested"; key: string } | { stage: "uploaded"; key: string; sha256: string };

function isHbrState(state: unknown): state is HbrCheckpointState {
  const s = state as Partial<Record<string, unknown>> | null;
  return typeof s?.["key"] === "string" && (s["stage"] === "requested" || (s["stage"] === "uploaded" && typeof s["sha256"] === "string"));
}

/**
 * CreateTempFileUploadUrl → OSS PostObject. The result's `key` is the TempFileKey other HBR actions take; an
 * expired policy asks for a new form, which also means a new key.
 */
export async function uploadToHbr(options: HbrUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  const engine = flowEngine(options);
  const name = options.fileName ?? source.name;
  const storageUrl = options.storageUrl ?? virtualHostedOssUrl;
  const done = (key: string, sha256: string): UploadResult => ({ vendor: "hbr", name, bytes: source.size, sha256, key });

  const resumed = await resumeState(options, "hbr", isHbrState);
  if (resumed?.stage === "uploaded") {
    reportDone(options, source.size);
    return done(resumed.key, resumed.sha256);
  }
  let form: CreateTempFileUploadUrlResponse | undefined;
  const request = async () => {
    form = await callVendor(engine, (signal) => createTempFileUploadUrl(client, name, { signal }));
    await emitCheckpoint(options, "hbr", { stage: "requested", key: form.TempFileKey } satisfies HbrCheckpointState);
    return hbrFormPlan(form, storageUrl);
  };
  const plan = await request();
  plan.renew = request;
  const { sha256 } = await uploadWithDigest(source, plan, engine);
  const key = form!.TempFileKey;
  await emitCheckpoint(options, "hbr", { stage: "uploaded", key, sha256 } satisfies HbrCheckpointState);
  return done(key, sha256);
}
