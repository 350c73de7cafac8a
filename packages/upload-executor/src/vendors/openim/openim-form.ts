import type { InitiateFormDataResult, KeyValues } from "@direct-upload/openim-client";
import type { FormPlan } from "../../core/plan.js";
import { checkedUrl } from "../reply-checks.js";

/**
 * OpenIM `header` items as request headers (values joined with ", "). A Content-Type from there is dropped:
 * the multipart boundary must stay in it, and the transport sets it.
 */
export function openimHeaders(items: KeyValues[] | null): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, values } of items ?? []) {
    if (/^content-type$/i.test(key)) continue;
    headers[key] = values.join(", ");
  }
  return headers;
}

/** The storage form POST that initiate_form_data describes: its fields in order, the file field last. */
export function openimFormPlan(form: InitiateFormDataResult, contentType: string | undefined): FormPlan {
  return {
    kind: "form",
    url: checkedUrl({ vendor: "openim", operation: "/object/initiate_form_data", pointer: "/data/url" }, form.url),
    fields: Object.entries(form.formData ?? {}),
    fileField: form.file,
    headers: openimHeaders(form.header),
    successStatus: form.successCodes,
    ...(contentType ? { contentType } : {}),
  };
}

/** The object key the form writes to (every backend puts it in a `key` field; Kodo's is `bucket:name`). */
export function openimObjectKey(form: InitiateFormDataResult): string | undefined {
  return form.formData?.["key"];
}
