import type { InitiateFormDataRequest, OpenimClient } from "@direct-upload/openim-client";
import { PlanError } from "../../core/errors.js";
import { callVendor, flowEngine } from "../flow-engine.js";
import type { FlowOptions, UploadResult } from "../flow-types.js";
import { uploadSingleRequest, type SingleRequestState } from "../single-request-flow.js";
import { openimFormPlan, openimObjectKey } from "./openim-form.js";

export interface OpenimUploadOptions extends FlowOptions {
  client: OpenimClient;
  /** Object name (default: the source name). With a user token it must start with `{userID}/`. */
  name?: string;
  /** Business directory flag stored with the object record. */
  group?: string;
  /** MIME type the storage policy then enforces (default: the source type). */
  contentType?: string;
}

/** The upload task initiate_form_data opened; its form is not kept (it holds a signature), so a resume asks again. */
export interface OpenimUploadRef {
  id: string;
  key?: string | undefined;
}

/** Checkpoint state: `uploaded` means the storage has the bytes, so a resume only calls complete_form_data. */
export type OpenimCheckpointState = SingleRequestState<OpenimUploadRef>;

/** initiate_form_data → storage form POST (fields, headers, file field and success codes as issued) → complete_form_data. */
export async function uploadToOpenim(options: OpenimUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  if (source.size === 0) {
    throw new PlanError(`OpenIM cannot store the empty file ${source.name}: initiate_form_data requires size > 0`, "Skip empty files or store them another way");
  }
  const engine = flowEngine(options);
  const name = options.name ?? source.name;
  const contentType = options.contentType ?? source.type;
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
