import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { PathTraversalError } from "../../errors.js";
import { ossPostObjectRoute, signOssPolicy } from "../../storage/oss-post-object.js";
import { MAX_OBJECT_BYTES } from "../../storage/store-rejections.js";
import type { Route, SandboxContext, VendorFactory, VendorModule } from "../../types.js";
import { verifyAcs3, type Acs3Verifier } from "./acs3.js";

const ROUTE_KEY = "hbr.create-temp-file-upload-url";
const FORM_TTL_SECONDS = 3600;
const MAX_API_BODY_BYTES = 64 * 1024;

function sendAcsError(res: ServerResponse, status: number, code: string, message: string): void {
  const RequestId = randomUUID().toUpperCase();
  res.writeHead(status, { "Content-Type": "application/json;charset=utf-8", "x-acs-request-id": RequestId });
  res.end(JSON.stringify({ Code: code, Message: message, RequestId, HostId: "hbr.sandbox.aliyuncs.com" }));
}

export interface HbrOptions {
  /** Service key that signs the OSS forms; random per sandbox unless given (signature tests pass their own). */
  oss?: { accessKeyId: string; accessKeySecret: string };
}

/** Alibaba Cloud Backup (HBR) CreateTempFileUploadUrl (RPC at `/` and `/hbr`, ACS3-signed) plus the OSS temp bucket it points to. */
export function createHbrVendor(options: HbrOptions = {}): VendorFactory {
  return (ctx) => hbrModule(ctx, options);
}

export const hbrVendor: VendorFactory = createHbrVendor();

function hbrModule(ctx: SandboxContext, options: HbrOptions): VendorModule {
  const api: Acs3Verifier = { accessKeyId: `LTAI${ctx.randomId(10)}`, accessKeySecret: ctx.randomId(15), now: ctx.now, nonces: new Map() };
  const oss = options.oss ?? { accessKeyId: `LTAI${ctx.randomId(10)}`, accessKeySecret: ctx.randomId(15) };
  const bucket = "hbr-temp-bucket";
  const uid = String(1_000_000_000_000 + Number.parseInt(ctx.randomId(5), 16));

  const createTempFileUploadUrl: Omit<Route, "path"> = {
    method: "POST",
    key: ROUTE_KEY,
    sendError: sendAcsError,
    async handle({ req, res, url }) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size > MAX_API_BODY_BYTES) return sendAcsError(res, 400, "InvalidParameter", "The request body is too large.");
        chunks.push(chunk);
      }
      const problem = verifyAcs3(req, url, Buffer.concat(chunks), api);
      if (problem) return sendAcsError(res, ...problem);
      if (req.headers["x-acs-action"] !== "CreateTempFileUploadUrl") return sendAcsError(res, 404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
      if (req.headers["x-acs-version"] !== "2017-09-08") return sendAcsError(res, 400, "InvalidVersion", "Specified parameter Version is not valid.");
      const fileName = url.searchParams.get("FileName");
      if (!fileName) return sendAcsError(res, 400, "MissingParameter", 'The input parameter "FileName" that is mandatory for processing this request is not supplied.');
      const now = new Date(ctx.now());
      const key = `temp/${uid}/upload/${now.toISOString().slice(0, 10)}/${randomUUID()}/${fileName}`;
      try {
        ctx.store.resolve(bucket, key);
      } catch (error) {
        if (error instanceof PathTraversalError) return sendAcsError(res, 400, "InvalidParameter", "The specified parameter FileName is not valid.");
        throw error;
      }
      const expireTime = Math.floor(now.getTime() / 1000) + ctx.urlTtl(ROUTE_KEY, FORM_TTL_SECONDS);
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
    },
  };

  return {
    name: "hbr",
    // RPC calls go to "/" of the endpoint (what the Alibaba SDKs send); "/hbr" is the same API under the sandbox's base URL.
    routes: [{ ...createTempFileUploadUrl, path: "/hbr" }, { ...createTempFileUploadUrl, path: "/" }, ossPostObjectRoute(ctx, { vendor: "hbr", key: "hbr.oss-post", path: "/storage/oss", buckets: [bucket], ...oss })],
    info: () => ({
      baseUrl: `${ctx.baseUrl()}/hbr`,
      endpoint: new URL(ctx.baseUrl()).host,
      regionId: "cn-sandbox",
      accessKeyId: api.accessKeyId,
      accessKeySecret: api.accessKeySecret,
      ossBaseUrl: `${ctx.baseUrl()}/storage/oss`,
    }),
  };
}
