import type { InitiateFormDataRequest, OpenimClient } from "@direct-upload/openim-client";
import { PlanError } from "../../core/errors.js";
import type { EngineOptions } from "../../core/options.js";
import { callVendor, flowEngine } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { uploadSingleRequest, type SingleRequestState } from "../single-request-flow.js";
import { openimFormPlan, openimObjectKey } from "./openim-form.js";
import { uploadOpenimMultipart } from "./openim-multipart.js";

/** How to upload: OpenIM's form POST, its multipart API (what the official SDK always uses), or by size. */
export type OpenimMode = "form" | "multipart" | "auto";
export const OPENIM_MODES = ["form", "multipart", "auto"] as const satisfies readonly OpenimMode[];

/** `auto` sends larger files as multipart: one part_limit minimum part (MinIO 5 MiB), above which a file has several parts. */
export const OPENIM_MULTIPART_THRESHOLD = 5 * 1024 * 1024;

/** Object names are limited to 1024 bytes of UTF-8 (open-im-server checkValidObjectNamePrefix), not characters. */
export const OPENIM_MAX_NAME_BYTES = 1024;

export interface OpenimUploadOptions extends FlowOptions {
  client: OpenimClient;
  /** Object name (default: the source name). With a user token it must start with `{userID}/`. */
  name?: string;
  /** Business directory flag stored with the object record (`cause` in multipart). */
  group?: string;
  /** MIME type the storage policy then enforces (default: the source type). */
  contentType?: string;
  /** Default "auto": multipart above `multipartThreshold`, else the form POST. */
  mode?: OpenimMode;
  /** Bytes above which `auto` uses multipart (default OPENIM_MULTIPART_THRESHOLD). */
  multipartThreshold?: number;
}

/** The upload task initiate_form_data opened; its form is not kept (it holds a signature), so a resume asks again. */
export interface OpenimUploadRef {
  id: string;
  key?: string | undefined;
}

/** Checkpoint state: `uploaded` means the storage has the bytes, so a resume only calls complete_form_data. */
export type OpenimCheckpointState = SingleRequestState<OpenimUploadRef>;

/**
 * Multipart (part_limit → initiate_multipart_upload, which finds stored content by hash → signed part PUTs →
 * complete_multipart_upload) or the form POST, by `mode` and size.
 */
export async function uploadToOpenim(options: OpenimUploadOptions): Promise<UploadResult> {
  const { source } = options;
  if (source.size === 0) {
    throw new PlanError(`OpenIM cannot store the empty file ${source.name}: it requires size > 0`, "Skip empty files or store them another way");
  }
  const name = options.name ?? source.name;
  if (new TextEncoder().encode(name).byteLength > OPENIM_MAX_NAME_BYTES) {
    throw new PlanError(`OpenIM object names are at most ${OPENIM_MAX_NAME_BYTES} bytes of UTF-8; ${name.slice(0, 40)}… is longer`, "Use a shorter name");
  }
  const mode = options.mode ?? "auto";
  const multipart = mode === "multipart" || (mode === "auto" && source.size > (options.multipartThreshold ?? OPENIM_MULTIPART_THRESHOLD));
  const contentType = options.contentType ?? source.type;
  const engine = flowEngine(options);
  if (multipart) return uploadOpenimMultipart(options, engine, { client: options.client, name, contentType, cause: options.group });
  return uploadOpenimForm(options, engine, name, contentType);
}

/** initiate_form_data → storage form POST (fields, headers, file field and success codes as issued) → complete_form_data. */
function uploadOpenimForm(options: OpenimUploadOptions, engine: EngineOptions, name: string, contentType: string | undefined): Promise<UploadResult> {
  const { client, source } = options;
  const request: InitiateFormDataRequest = { name, size: source.size };
  if (contentType) request.contentType = contentType;
  if (options.group !== undefined) request.group = options.group;

  return uploadSingleRequest(options, engine, {
    vendor: "openim",
    name,
    isRef: (state) => typeof state["id"] === "string",
    request: async () => {
      // An expired policy needs a new task: the new id is the one to complete.
      const form = (await callVendor(engine, (call) => client.initiateFormData(request, call))).data;
      return { ref: { id: form.id, key: openimObjectKey(form) }, plan: openimFormPlan(form, contentType) };
    },
    finish: async ({ id, key }, sha256) => {
      const { data } = await callVendor(engine, (call) => client.completeFormData({ id }, call));
      return { vendor: "openim", name, bytes: source.size, sha256, url: data.url, uploadId: id, ...(key === undefined ? {} : { key }) };
    },
  });
}
