import type { InitiateFormDataRequest, InitiateFormDataResult, OpenimClient } from "@direct-upload/openim-client";
import { PlanError } from "../core/errors.js";
import { emitCheckpoint, resumeState } from "./flow-checkpoint.js";
import { callVendor, flowEngine, reportDone, uploadWithDigest } from "./flow-run.js";
import { openimFormPlan, openimObjectKey } from "./openim-form.js";
import type { FlowOptions, UploadResult } from "./types.js";

export interface OpenimUploadOptions extends FlowOptions {
  client: OpenimClient;
  /** Object name (default: the source name). With a user token it must start with `{userID}/`. */
  objectName?: string;
  /** Business directory flag stored with the object record. */
  group?: string;
  /** MIME type the storage policy then enforces (default: the source type). */
  contentType?: string;
}

/**
 * Checkpoint state. `initiated` only records the task; its form is not kept (it holds a signature), so a resume
 * asks for a new one. `uploaded` means the storage has the bytes: a resume only calls complete_form_data.
 */
export type OpenimCheckpointState =
  | { stage: "initiated"; id: string; key?: string | undefined }
  | { stage: "uploaded"; id: string; key?: string | undefined; sha256: string };

function isOpenimState(state: unknown): state is OpenimCheckpointState {
  const s = state as Partial<Record<string, unknown>> | null;
  return typeof s?.["id"] === "string" && (s["stage"] === "initiated" || (s["stage"] === "uploaded" && typeof s["sha256"] === "string"));
}

/** initiate_form_data → storage form POST (fields, headers, file field and success codes as issued) → complete_form_data. */
export async function uploadToOpenim(options: OpenimUploadOptions): Promise<UploadResult> {
  const { client, source } = options;
  if (source.size === 0) {
    throw new PlanError(`OpenIM cannot store the empty file ${source.name}: initiate_form_data requires size > 0`, "Skip empty files or store them another way");
  }
  const engine = flowEngine(options);
  const name = options.objectName ?? source.name;
  const contentType = options.contentType ?? source.type;
  const request: InitiateFormDataRequest = { name, size: source.size };
  if (contentType) request.contentType = contentType;
  if (options.group !== undefined) request.group = options.group;

  let state = await resumeState(options, "openim", isOpenimState);
  if (state?.stage === "uploaded") {
    reportDone(options, source.size);
  } else {
    let form: InitiateFormDataResult | undefined;
    const initiate = async () => {
      form = (await callVendor(engine, (signal) => client.initiateFormData(request, { signal }))).data;
      await emitCheckpoint(options, "openim", { stage: "initiated", id: form.id, key: openimObjectKey(form) } satisfies OpenimCheckpointState);
      return openimFormPlan(form, contentType);
    };
    const plan = await initiate();
    // An expired policy needs a new task: the new id is the one to complete.
    plan.renew = initiate;
    const { sha256 } = await uploadWithDigest(source, plan, engine);
    state = { stage: "uploaded", id: form!.id, key: openimObjectKey(form!), sha256 };
    await emitCheckpoint(options, "openim", state);
  }
  const { id, key, sha256 } = state;
  const { data } = await callVendor(engine, (signal) => client.completeFormData({ id }, { signal }));
  return { vendor: "openim", name, bytes: source.size, sha256, url: data.url, uploadId: id, ...(key === undefined ? {} : { key }) };
}
