import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ProblemError, type Problem } from "../problem.js";
import type { Route, SandboxContext } from "../types.js";
import { cosSignature, parseCosAuthorization } from "./cos-signature.js";
import { MAX_OBJECT_BYTES, storeErrorAsProblem } from "./store-problems.js";
import { xmlDocument } from "./xml.js";

export interface CosBucketAccess {
  secretId: string;
  secretKey: string;
  /** What was issued for this object (security token and x-cos-meta-fileid), or undefined if nothing was. */
  issued(bucket: string, key: string): { token: string; meta: string } | undefined;
}

export function sendCosError(res: ServerResponse, { status, code, message }: Problem, resource = ""): void {
  const requestId = randomUUID();
  res.writeHead(status, { "Content-Type": "application/xml", "x-cos-request-id": requestId });
  res.end(xmlDocument("Error", { Code: code, Message: message, Resource: resource, RequestId: requestId, TraceId: requestId }));
}

/** COS PUT Object at `{path}/:bucket/{key}` with the XML sha1 signature, streaming the body into the store. */
export function cosPutObjectRoute(ctx: SandboxContext, options: { vendor: string; key: string; path: string; buckets: string[]; access: CosBucketAccess }): Route {
  return {
    method: "PUT",
    path: `${options.path}/:bucket/*`,
    key: options.key,
    sendError: sendCosError,
    async handle({ req, res, params, url }) {
      const bucket = params["bucket"] ?? "";
      const key = params["*"] ?? "";
      const resource = `${bucket}/${key}`;
      try {
        if (!options.buckets.includes(bucket)) throw new ProblemError(404, "NoSuchBucket", "The specified bucket does not exist.");
        if (key === "") throw new ProblemError(400, "InvalidObjectName", "The object key is empty.");
        verifyCosRequest(ctx, options.access, req, url, bucket, key);
        const declared = req.headers["content-length"];
        if (declared === undefined) throw new ProblemError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        const object = await ctx.store
          .put({ vendor: options.vendor, bucket, key, body: req, maxBytes: MAX_OBJECT_BYTES, contentType: req.headers["content-type"] })
          .catch((error: unknown) => Promise.reject(storeErrorAsProblem(error)));
        const md5 = req.headers["content-md5"];
        if (md5 !== undefined && Buffer.from(object.md5, "hex").toString("base64") !== md5) {
          await ctx.store.delete?.(bucket, key);
          throw new ProblemError(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        res.writeHead(200, { ETag: `"${object.md5}"`, "x-cos-request-id": randomUUID() }).end();
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        req.resume();
        sendCosError(res, error, `/${resource}`);
      }
    },
  };
}

/** The verifier checklist of the reference (§2.5): algorithm, key id, time window, exact signature, issued token/meta. */
function verifyCosRequest(ctx: SandboxContext, access: CosBucketAccess, req: IncomingMessage, url: URL, bucket: string, key: string): void {
  const header = req.headers["authorization"];
  if (!header) throw new ProblemError(403, "AccessDenied", "Access Denied.");
  const auth = parseCosAuthorization(header);
  if (auth.get("q-sign-algorithm") !== "sha1") throw new ProblemError(400, "InvalidArgument", "q-sign-algorithm must be sha1.");
  if (auth.get("q-ak") !== access.secretId) throw new ProblemError(403, "InvalidAccessKeyId", "The Access Key Id you provided does not exist in our records.");
  const signTime = auth.get("q-sign-time") ?? "";
  const keyTime = auth.get("q-key-time") ?? "";
  const [start, end] = signTime.split(";").map(Number);
  const now = Math.floor(ctx.now() / 1000);
  if (!Number.isInteger(start) || !Number.isInteger(end) || !keyTime) throw new ProblemError(403, "AccessDenied", "Invalid Authorization: q-sign-time or q-key-time is malformed.");
  if (now < (start as number) || now > (end as number)) throw new ProblemError(403, "AccessDenied", "Request has expired");
  const headers = pick(auth.get("q-header-list"), (name) => headerValue(req, name));
  const params = pick(auth.get("q-url-param-list"), (name) => url.searchParams.get(name) ?? undefined);
  if (!headers || !params) throw signatureMismatch();
  const expected = cosSignature({ secretKey: access.secretKey, method: req.method ?? "PUT", pathname: `/${key}`, headers, params, keyTime, signTime }).signature;
  const given = auth.get("q-signature") ?? "";
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) throw signatureMismatch();
  const issued = access.issued(bucket, key);
  if (!issued || headerValue(req, "x-cos-security-token") !== issued.token)
    throw new ProblemError(403, "InvalidAccessKeyId", "The x-cos-security-token does not match the temporary credentials issued for this object.");
  if (headerValue(req, "x-cos-meta-fileid") !== issued.meta)
    throw new ProblemError(403, "AccessDenied", "Access Denied: x-cos-meta-fileid does not match the cloudObjectMeta issued for this object.");
}

/** Values for every name in a `;` list, or undefined when one is missing (a missing signed header is a mismatch). */
function pick(list: string | undefined, value: (name: string) => string | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const name of (list ?? "").split(";").filter(Boolean)) {
    const found = value(decodeURIComponent(name));
    if (found === undefined) return undefined;
    out[name] = found;
  }
  return out;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

function signatureMismatch(): ProblemError {
  return new ProblemError(403, "SignatureDoesNotMatch", "The Signature you specified is invalid.");
}
