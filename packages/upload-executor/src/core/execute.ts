import { uploadMultipart, type MultipartOptions, type MultipartResult } from "./multipart/engine.js";
import type { EngineOptions } from "./options.js";
import type { FormPlan, MultipartPlan, PutPlan, UploadPlan } from "./plan.js";
import { uploadForm, uploadPut, type SingleUploadResult } from "./single-request.js";
import type { UploadSource } from "./source.js";

/** Runs any plan with the matching engine. */
export function executePlan(source: UploadSource, plan: PutPlan | FormPlan, options?: EngineOptions): Promise<SingleUploadResult>;
export function executePlan<V>(source: UploadSource, plan: MultipartPlan<V>, options?: MultipartOptions<V>): Promise<MultipartResult<V>>;
export function executePlan(source: UploadSource, plan: UploadPlan, options: MultipartOptions<unknown> = {}): Promise<SingleUploadResult | MultipartResult<unknown>> {
  switch (plan.kind) {
    case "put":
      return uploadPut(source, plan, options);
    case "form":
      return uploadForm(source, plan, options);
    case "multipart":
      return uploadMultipart(source, plan, options);
  }
}
