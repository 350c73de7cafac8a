import { randomUUID } from "node:crypto";
import { PathTraversalError } from "../../errors.js";
import { problem, type Problem } from "../../problem.js";
import { signOssPolicy } from "../../storage/oss-post-object.js";
import { MAX_OBJECT_BYTES } from "../../storage/store-problems.js";
import type { Route, RouteRequest } from "../../types.js";
import { sendAcsError } from "./acs-error.js";
import { verifyAcs3 } from "./acs3.js";
import type { HbrState } from "./state.js";

const TEMP_UPLOAD_URL_KEY = "hbr.create-temp-file-upload-url";
const FORM_TTL_SECONDS = 3600;
const MAX_API_BODY_BYTES = 64 * 1024;

/**
 * CreateTempFileUploadUrl, an ACS3-signed RPC call: a signed OSS form for one temp key. Not a JSON API route: the
 * signature covers the raw body, so the body is read before authenticating, and the parameters are in the query.
 * RPC calls go to "/" of the endpoint (what the Alibaba SDKs send); "/hbr" is the same API under the sandbox's base URL.
 */
export function tempUploadUrlRoutes(state: HbrState): Route[] {
  const route = (path: string): Route => ({
    method: "POST",
    path,
    key: TEMP_UPLOAD_URL_KEY,
    sendError: sendAcsError,
    async handle(request) {
      const body = await readRawBody(request);
      const refused = body && createTempFileUploadUrl(state, request, body);
      if (refused) sendAcsError(request.res, refused);
    },
  });
  return [route("/hbr"), route("/")];
}

/** The raw body, or undefined once a too-large one is answered (from inside the loop: leaving it destroys the request). */
async function readRawBody({ req, res }: RouteRequest): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_API_BODY_BYTES) {
      sendAcsError(res, problem(400, "InvalidParameter", "The request body is too large."));
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function createTempFileUploadUrl({ ctx, api, oss, bucket, uid }: HbrState, { req, res, url }: RouteRequest, body: Buffer): Problem | undefined {
  const denied = verifyAcs3(req, url, body, api);
  if (denied) return denied;
  if (req.headers["x-acs-action"] !== "CreateTempFileUploadUrl") return problem(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
  if (req.headers["x-acs-version"] !== "2017-09-08") return problem(400, "InvalidVersion", "Specified parameter Version is not valid.");
  const fileName = url.searchParams.get("FileName");
  if (!fileName) return problem(400, "MissingParameter", 'The input parameter "FileName" that is mandatory for processing this request is not supplied.');
  const now = new Date(ctx.now());
  const key = `temp/${uid}/upload/${now.toISOString().slice(0, 10)}/${randomUUID()}/${fileName}`;
  try {
    ctx.store.resolve(bucket, key);
  } catch (error) {
    if (error instanceof PathTraversalError) return problem(400, "InvalidParameter", "The specified parameter FileName is not valid.");
    throw error;
  }
  const expireTime = Math.floor(now.getTime() / 1000) + ctx.urlTtl(TEMP_UPLOAD_URL_KEY, FORM_TTL_SECONDS);
  const policyJson = { expiration: new Date(expireTime * 1000).toISOString(), conditions: [{ bucket }, ["eq", "$key", key], ["content-length-range", 0, MAX_OBJECT_BYTES]] };
  const policy = Buffer.from(JSON.stringify(policyJson)).toString("base64");
  res.writeHead(200, { "Content-Type": "application/json;charset=utf-8" });
  res.end(
    JSON.stringify({
      RequestId: randomUUID().toUpperCase(),
      Success: true,
      Code: "200",
      Message: "successful",
      Endpoint: new URL(ctx.baseUrl()).host,
      BucketName: bucket,
      TempFileKey: key,
      OssAccessKeyId: oss.accessKeyId,
      Policy: policy,
      Signature: signOssPolicy(oss.accessKeySecret, policy),
      ExpireTime: expireTime,
    }),
  );
  return undefined;
}
