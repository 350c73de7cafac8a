import type { CreateTempFileUploadUrlResponse } from "@direct-upload/hbr-client";
import type { FormPlan } from "../../core/plan.js";
import { checkedUrl } from "../reply-checks.js";

/** Where the OSS PostObject goes, from the bucket and endpoint that CreateTempFileUploadUrl returned. */
export type OssUrlBuilder = (form: Pick<CreateTempFileUploadUrlResponse, "BucketName" | "Endpoint">) => string;

/** The real OSS address: virtual-hosted style, `https://{BucketName}.{Endpoint}/`. */
export const virtualHostedOssUrl: OssUrlBuilder = ({ BucketName, Endpoint }) => `https://${BucketName}.${Endpoint}/`;

/**
 * Path-style addresses for OSS-compatible local servers: `{base}/{BucketName}/`, where `base` defaults to
 * `https://{Endpoint}`. The sandbox serves `http://{Endpoint}/storage/oss` (its hbr `ossEndpoint` setting).
 */
export function pathStyleOssUrl(base?: string): OssUrlBuilder {
  return ({ BucketName, Endpoint }) => `${(base ?? `https://${Endpoint}`).replace(/\/+$/, "")}/${encodeURIComponent(BucketName)}/`;
}

/** What OSS answers to a PostObject with this status: 200 and an empty body. */
const SUCCESS_ACTION_STATUS = "200";

/** The OSS PostObject form (V1 signature) for a CreateTempFileUploadUrl answer; the file goes last. */
export function hbrFormPlan(form: CreateTempFileUploadUrlResponse, storageUrl: OssUrlBuilder): FormPlan {
  return {
    kind: "form",
    url: checkedUrl({ vendor: "hbr", operation: "CreateTempFileUploadUrl", pointer: "/Endpoint" }, storageUrl(form)),
    fields: [
      ["key", form.TempFileKey],
      ["OSSAccessKeyId", form.OssAccessKeyId],
      ["policy", form.Policy],
      ["Signature", form.Signature],
      ["success_action_status", SUCCESS_ACTION_STATUS],
    ],
    fileField: "file",
    successStatus: [Number(SUCCESS_ACTION_STATUS)],
  };
}
