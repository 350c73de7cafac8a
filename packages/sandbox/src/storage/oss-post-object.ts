import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import { ProblemError, type Problem } from "../problem.js";
import type { Route, SandboxContext } from "../types.js";
import { receiveForm } from "./form-upload.js";
import { assertNotExpired, checkConditions, decodePolicy, type FormFields } from "./post-policy.js";
import { MAX_OBJECT_BYTES, storeErrorAsProblem } from "./store-problems.js";
import { xmlDocument } from "./xml.js";

/** OSS signature V1 for PostObject: base64(HMAC-SHA1(secret, base64 policy)). */
export function signOssPolicy(secret: string, policyBase64: string): string {
  return createHmac("sha1", secret).update(policyBase64).digest("base64");
}

function sendOssError(res: ServerResponse, { status, code, message }: Problem, extra: Readonly<Record<string, string>> = {}): void {
  const requestId = randomUUID().replaceAll("-", "").toUpperCase().slice(0, 24);
  const ec = extra["EC"];
  res.writeHead(status, { "Content-Type": "application/xml", "x-oss-request-id": requestId, ...(ec ? { "x-oss-ec": ec } : {}) });
  res.end(
    xmlDocument("Error", {
      Code: code,
      Message: message,
      RequestId: requestId,
      HostId: "direct-upload-sandbox",
      EC: ec,
      RecommendDoc: ec ? `https://api.aliyun.com/troubleshoot?q=${ec}` : undefined,
    }),
  );
}

/** OSS PostObject (path style `POST {path}/:bucket`), V1 policy signature; the file must be the last field. */
export function ossPostObjectRoute(
  ctx: SandboxContext,
  options: { vendor: string; key: string; path: string; buckets: string[]; accessKeyId: string; accessKeySecret: string },
): Route {
  return {
    method: "POST",
    path: `${options.path}/:bucket`,
    key: options.key,
    sendError: sendOssError,
    async handle({ req, res, params }) {
      const bucket = params["bucket"] ?? "";
      try {
        if (!options.buckets.includes(bucket)) throw new ProblemError(404, "NoSuchBucket", "The specified bucket does not exist.");
        const { result, fieldsAfterFile } = await receiveForm(req, async (fields, file, fieldName) => {
          if (fieldName.toLowerCase() !== "file") throw new ProblemError(400, "InvalidArgument", `The file must be sent in a field named "file", got "${fieldName}".`);
          const range = verifyForm(ctx, options, bucket, fields);
          const object = await ctx.store
            .put({
              vendor: options.vendor,
              bucket,
              key: fields.get("key") as string,
              body: file,
              maxBytes: Math.min(range?.max ?? MAX_OBJECT_BYTES, MAX_OBJECT_BYTES),
              minBytes: range?.min ?? 0,
              contentType: fields.get("content-type") ?? fields.get("x-oss-content-type"),
            })
            .catch((error: unknown) => Promise.reject(storeErrorAsProblem(error, { tooLarge: "0006-00000003", tooSmall: "0006-00000004" })));
          return { object, status: fields.get("success_action_status") };
        });
        if (!result) throw new ProblemError(400, "InvalidArgument", "The body of your POST request has no file field.");
        if (fieldsAfterFile.length > 0) {
          await ctx.store.delete?.(bucket, result.object.key);
          throw new ProblemError(400, "InvalidArgument", `The file field must be the last field of the form; found ${fieldsAfterFile.join(", ")} after it.`);
        }
        const etag = `"${result.object.md5.toUpperCase()}"`;
        const headers = { ETag: etag, "x-oss-request-id": randomUUID() };
        if (result.status === "201") {
          const location = `${ctx.baseUrl()}${options.path}/${bucket}/${result.object.key}`;
          res
            .writeHead(201, { ...headers, "Content-Type": "application/xml" })
            .end(xmlDocument("PostResponse", { Bucket: bucket, Location: location, Key: result.object.key, ETag: etag }));
          return;
        }
        res.writeHead(result.status === "200" ? 200 : 204, headers).end();
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        sendOssError(res, error, error.extra);
      }
    },
  };
}

function verifyForm(ctx: SandboxContext, options: { accessKeyId: string; accessKeySecret: string }, bucket: string, fields: FormFields) {
  for (const name of ["key", "ossaccesskeyid", "policy"]) {
    if (!fields.get(name)) throw new ProblemError(400, "InvalidArgument", `The form must contain a field named '${name}'.`);
  }
  const signature = fields.get("signature") ?? "";
  if (signature === "") throw new ProblemError(403, "AccessDenied", "The Signature field is blank.", { EC: "0002-00000704" });
  if (fields.get("ossaccesskeyid") !== options.accessKeyId) throw new ProblemError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.");
  const policyBase64 = fields.get("policy") as string;
  const expected = Buffer.from(signOssPolicy(options.accessKeySecret, policyBase64));
  if (expected.length !== Buffer.byteLength(signature) || !timingSafeEqual(expected, Buffer.from(signature))) {
    throw new ProblemError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", {
      EC: "0002-00000705",
    });
  }
  const policy = decodePolicy(policyBase64);
  assertNotExpired(policy, ctx.now());
  try {
    return checkConditions(policy, new Map(fields).set("bucket", bucket));
  } catch (error) {
    if (error instanceof ProblemError && error.code === "AccessDenied") throw new ProblemError(403, error.code, error.message, { EC: "0006-00000227" });
    throw error;
  }
}
