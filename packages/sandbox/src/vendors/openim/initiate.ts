import { extname } from "node:path";
import { PathTraversalError } from "../../errors.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { signS3Policy } from "../../storage/s3-post-object.js";
import type { Route } from "../../types.js";
import { checkUploadName, OPENIM_BUCKET, openimApi, type OpenimCaller, type OpenimState } from "./api.js";
import { OPENIM_ERRORS, openimProblem, sendEnvelope } from "./envelope.js";
import { encodeMate } from "./form-data-id.js";

const DEFAULT_TTL_SECONDS = 600;

interface InitiateFormDataBody {
  name: string;
  size: number;
  contentType?: string;
  group?: string;
  millisecond?: number;
  absolute?: boolean;
}

/** POST object/initiate_form_data: a SigV4 POST policy for one MinIO object, and the `id` that completes it. */
export function initiateFormDataRoute(state: OpenimState): Route {
  return jsonApiRoute<InitiateFormDataBody, OpenimCaller>(openimApi(state), {
    path: "/openim/object/initiate_form_data",
    key: "openim.initiate_form_data",
    operationId: "initiateFormData",
    async handle({ body, caller, res }) {
      const { ctx, minio } = state;
      const { name, size } = body;
      const contentType = body.contentType ?? "";
      const nameProblem = checkUploadName(name, caller);
      if (nameProblem) return nameProblem;
      const millisecond = caller.admin ? (body.millisecond ?? 0) : 0;
      const ttlSeconds = ctx.urlTtl("openim.initiate_form_data", millisecond > 0 ? millisecond / 1000 : DEFAULT_TTL_SECONDS);
      const now = new Date(ctx.now());
      const day = now.toISOString().slice(0, 10).replaceAll("-", "");
      const key = caller.admin && body.absolute === true ? name : `openim/direct/${day}/${caller.userId}/${ctx.randomId(16)}${extname(name)}`;
      try {
        ctx.store.resolve(OPENIM_BUCKET, key);
      } catch (error) {
        if (error instanceof PathTraversalError) return openimProblem(OPENIM_ERRORS.args, error.message);
        throw error;
      }
      const amzDate = now
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
      const credential = `${minio.accessKeyId}/${day}/${minio.region}/s3/aws4_request`;
      const expiresMs = now.getTime() + ttlSeconds * 1000;
      const conditions: unknown[] = [
        ["eq", "$key", key],
        ["eq", "$success_action_status", "200"],
      ];
      if (contentType) conditions.push(["eq", "$Content-Type", contentType]);
      conditions.push(
        ["eq", "$bucket", OPENIM_BUCKET],
        ["eq", "$x-amz-date", amzDate],
        ["eq", "$x-amz-algorithm", "AWS4-HMAC-SHA256"],
        ["eq", "$x-amz-credential", credential],
        ["content-length-range", 0, size],
      );
      const policy = Buffer.from(JSON.stringify({ expiration: new Date(expiresMs).toISOString(), conditions })).toString("base64");
      const formData: Record<string, string> = { key, bucket: OPENIM_BUCKET, success_action_status: "200" };
      if (contentType) formData["Content-Type"] = contentType;
      Object.assign(formData, {
        policy,
        "x-amz-algorithm": "AWS4-HMAC-SHA256",
        "x-amz-credential": credential,
        "x-amz-date": amzDate,
        "x-amz-signature": await signS3Policy(minio, day, policy),
      });
      const id = encodeMate({ name, size, contentType, group: body.group ?? "", key });
      sendEnvelope(res, { id, url: `${ctx.baseUrl()}/storage/minio/${OPENIM_BUCKET}`, file: "file", header: null, formData, expires: expiresMs, successCodes: [200] });
    },
  });
}
