import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import { Sha256 } from "@aws-crypto/sha256-js";
import { getSigningKey } from "@smithy/signature-v4";
import { problem, ProblemError, type Problem } from "../problem.js";
import type { Route, S3Keys, SandboxContext } from "../types.js";
import { receiveForm } from "./form-upload.js";
import { assertNotExpired, checkConditions, decodePolicy, type FormFields } from "./post-policy.js";
import { MAX_OBJECT_BYTES, storeErrorAsProblem } from "./store-problems.js";
import { xmlDocument } from "./xml.js";

/** An S3 access key and the region it signs for. */
export type S3Credentials = S3Keys;

/** Fields S3 does not require the policy to cover. */
const UNCHECKED_FIELDS = new Set(["policy", "x-amz-signature", "file"]);

/** SigV4 POST policy signature: hex HMAC-SHA256 of the base64 policy with the day's signing key. */
export async function signS3Policy(credentials: S3Credentials, shortDate: string, policyBase64: string): Promise<string> {
  const key = await getSigningKey(Sha256, { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, shortDate, credentials.region, "s3");
  return createHmac("sha256", key).update(policyBase64).digest("hex");
}

export function sendS3Error(res: ServerResponse, { status, code, message }: Problem, resource = ""): void {
  const requestId = randomUUID().replaceAll("-", "").slice(0, 16).toUpperCase();
  res.writeHead(status, { "Content-Type": "application/xml", "x-amz-request-id": requestId });
  res.end(xmlDocument("Error", { Code: code, Message: message, Resource: resource, RequestId: requestId, HostId: "direct-upload-sandbox" }));
}

/** S3/MinIO browser POST upload (`POST {path}/:bucket`, SigV4 policy) that streams the file into the store. */
export function s3PostObjectRoute(ctx: SandboxContext, options: { vendor: string; key: string; path: string; credentials: S3Credentials; buckets: string[] }): Route {
  const route: Route = {
    method: "POST",
    path: options.path,
    key: options.key,
    sendError: sendS3Error,
    async handle({ req, res, params }) {
      const bucket = params["bucket"] ?? "";
      if (!options.buckets.includes(bucket)) return sendS3Error(res, problem(404, "NoSuchBucket", "The specified bucket does not exist"), `/${bucket}`);
      try {
        const { result } = await receiveForm(req, async (fields, file, fieldName) => {
          if (fieldName !== "file") throw new ProblemError(400, "InvalidArgument", `POST requires the file in a field named "file", got "${fieldName}".`);
          const range = await verifyForm(ctx, options.credentials, bucket, fields);
          const max = Math.min(range?.max ?? MAX_OBJECT_BYTES, MAX_OBJECT_BYTES);
          const key = fields.get("key") as string;
          return ctx.store
            .put({ vendor: options.vendor, bucket, key, body: file, maxBytes: max, minBytes: range?.min ?? 0, contentType: fields.get("content-type") })
            .catch((error: unknown) => Promise.reject(storeErrorAsProblem(error)))
            .then((object) => ({ object, status: fields.get("success_action_status") }));
        });
        if (!result) throw new ProblemError(400, "InvalidArgument", "POST requires exactly one file upload per request.");
        const etag = `"${result.object.md5}"`;
        if (result.status === "201") {
          res.writeHead(201, { "Content-Type": "application/xml", ETag: etag, Location: `${ctx.baseUrl()}${options.path.replace(":bucket", bucket)}/${result.object.key}` });
          res.end(xmlDocument("PostResponse", { Bucket: bucket, Key: result.object.key, ETag: etag }));
          return;
        }
        res.writeHead(result.status === "200" ? 200 : 204, { ETag: etag }).end();
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        sendS3Error(res, error, `/${bucket}`);
      }
    },
  };
  return route;
}

/** Checks the SigV4 fields, the signature, expiry and every policy condition; returns the size range. */
async function verifyForm(ctx: SandboxContext, credentials: S3Credentials, bucket: string, fields: FormFields) {
  for (const name of ["key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"]) {
    if (!fields.get(name)) throw new ProblemError(400, "InvalidArgument", `Bucket POST must contain a field named '${name}'.`);
  }
  const policyBase64 = fields.get("policy") as string;
  if (fields.get("x-amz-algorithm") !== "AWS4-HMAC-SHA256") throw new ProblemError(400, "InvalidArgument", "Only AWS4-HMAC-SHA256 is supported for x-amz-algorithm.");
  const [accessKeyId, shortDate = "", region, service, terminator] = (fields.get("x-amz-credential") as string).split("/");
  if (accessKeyId !== credentials.accessKeyId) throw new ProblemError(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
  if (region !== credentials.region || service !== "s3" || terminator !== "aws4_request" || !/^\d{8}$/.test(shortDate)) {
    throw new ProblemError(400, "AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; the region or scope is wrong.");
  }
  const expected = Buffer.from(await signS3Policy(credentials, shortDate, policyBase64));
  const given = Buffer.from(fields.get("x-amz-signature") as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new ProblemError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }
  const policy = decodePolicy(policyBase64);
  assertNotExpired(policy, ctx.now());
  const withBucket = new Map(fields).set("bucket", fields.get("bucket") ?? bucket);
  if (withBucket.get("bucket") !== bucket) throw new ProblemError(400, "InvalidArgument", "The bucket field does not match the bucket in the URL.");
  const checked = new Set<string>();
  const range = checkConditions(policy, withBucket, checked);
  const extra = [...fields.keys()].filter((name) => !UNCHECKED_FIELDS.has(name) && !name.startsWith("x-ignore-") && !checked.has(name));
  if (extra.length > 0) throw new ProblemError(403, "AccessDenied", `Invalid according to Policy: Extra input fields: ${extra.join(", ")}`);
  return range;
}
