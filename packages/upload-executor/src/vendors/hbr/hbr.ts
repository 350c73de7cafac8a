import { createTempFileUploadUrl, type HbrClient } from "@direct-upload/hbr-client";
import { callVendor, flowEngine } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { uploadSingleRequest, type SingleRequestState } from "../single-request-flow.js";
import { hbrFormPlan, virtualHostedOssUrl, type OssUrlBuilder } from "./hbr-form.js";

export interface HbrUploadOptions extends FlowOptions {
  client: HbrClient;
  /** File name; it becomes the last segment of the temp key (default: the source name). */
  name?: string;
  /** OSS address for the form (default `https://{BucketName}.{Endpoint}/`); see `pathStyleOssUrl`. */
  storageUrl?: OssUrlBuilder;
}

/** Checkpoint state: `uploaded` means OSS has the file under `key`, so a resume sends nothing. */
export type HbrCheckpointState = SingleRequestState<{ key: string }>;

/**
 * CreateTempFileUploadUrl → OSS PostObject. The result's `key` is the TempFileKey other HBR actions take; an
 * expired policy asks for a new form, which also means a new key.
 */
export async function uploadToHbr(options: HbrUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  const engine = flowEngine(options);
  const name = options.name ?? source.name;
  const storageUrl = options.storageUrl ?? virtualHostedOssUrl;
  return uploadSingleRequest(options, engine, {
    vendor: "hbr",
    name,
    isRef: (state) => typeof state["key"] === "string",
    request: async () => {
      const form = await callVendor(engine, (call) => createTempFileUploadUrl(client, name, call));
      return { ref: { key: form.TempFileKey }, plan: hbrFormPlan(form, storageUrl) };
    },
    finish: ({ key }, sha256) => ({ vendor: "hbr", name, bytes: source.size, sha256, key }),
  });
}
