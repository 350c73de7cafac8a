import { randomBytes } from "node:crypto";
import { BadJsonBodyError, PathTraversalError } from "../../errors.js";
import { readJsonBody } from "../../server/json-body.js";
import { cosAuthorization } from "../../storage/cos-signature.js";
import { cosPutObjectRoute } from "../../storage/cos-put-object.js";
import type { Route, SandboxContext, VendorFactory, VendorModule } from "../../types.js";
import { cosDownloadRoute, downloadUrls, objectUrl } from "./download.js";
import { badItemIndices, bearerProblem, INVALID_PARAM, OBJECT_NOT_EXIST, sendGatewayError, sendItems } from "./gateway.js";

const UPLOAD_TTL_SECONDS = 900;

interface CloudbaseState {
  ctx: SandboxContext;
  envId: string;
  bucket: string;
  token: string;
  cos: { secretId: string; secretKey: string };
  /** Security token and file meta issued per object key (the latest issue wins). */
  issued: Map<string, { token: string; meta: string }>;
}

type Item = Record<string, unknown>;
type ItemHandler = (state: CloudbaseState, item: Item) => Promise<unknown>;

export interface CloudbaseOptions {
  /** COS key pair behind the issued authorizations; random per sandbox unless given (signature tests pass their own). */
  cos?: { secretId: string; secretKey: string };
}

/** Tencent CloudBase storage HTTP API (`/cloudbase/v1/storages/*`) plus its COS bucket (`/storage/cos/{bucket}/{key}`). */
export function createCloudbaseVendor(options: CloudbaseOptions = {}): VendorFactory {
  return (ctx) => cloudbaseModule(ctx, options);
}

export const cloudbaseVendor: VendorFactory = createCloudbaseVendor();

function cloudbaseModule(ctx: SandboxContext, options: CloudbaseOptions) {
  const state: CloudbaseState = {
    ctx,
    envId: `sandbox-${ctx.randomId(3)}`,
    bucket: `${ctx.randomId(4)}-sandbox-1250000000`,
    token: randomBytes(24).toString("base64url"),
    cos: options.cos ?? { secretId: `AKID${ctx.randomId(14)}`, secretKey: ctx.randomId(16) },
    issued: new Map(),
  };
  return {
    name: "cloudbase",
    routes: [
      apiRoute(state, "get-objects-upload-info", "getObjectsUploadInfo", uploadInfo),
      apiRoute(state, "get-objects-download-info", "getObjectsDownloadInfo", downloadInfo),
      apiRoute(state, "delete-objects", "deleteObjects", deleteObject),
      cosPutObjectRoute(ctx, {
        vendor: "cloudbase",
        key: "cloudbase.cos-put",
        path: "/storage/cos",
        buckets: [state.bucket],
        access: { ...state.cos, issued: (_bucket, key) => state.issued.get(key) },
      }),
      cosDownloadRoute(ctx, state.bucket, state.cos.secretKey),
    ],
    info: () => ({ baseUrl: `${ctx.baseUrl()}/cloudbase`, envId: state.envId, token: state.token, bucket: state.bucket }),
  } satisfies VendorModule;
}

function apiRoute(state: CloudbaseState, path: string, operationId: string, handleItem: ItemHandler): Route {
  return {
    method: "POST",
    path: `/cloudbase/v1/storages/${path}`,
    key: `cloudbase.${path}`,
    sendError: sendGatewayError,
    async handle({ req, res }) {
      const authProblem = bearerProblem(req, state.token);
      if (authProblem) {
        req.resume();
        return sendGatewayError(res, ...authProblem);
      }
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (error instanceof BadJsonBodyError) return sendGatewayError(res, 400, "BAD_REQUEST", error.message);
        throw error;
      }
      const problems = state.ctx.validateRequest("cloudbase", operationId, body);
      const badItems = badItemIndices(problems);
      if (!Array.isArray(body) || !badItems) return sendGatewayError(res, 400, "BAD_REQUEST", `The request body is invalid: ${problems.join("; ")}`);
      const items: unknown[] = [];
      for (const [index, item] of (body as Item[]).entries()) {
        items.push(badItems.has(index) ? { ...INVALID_PARAM } : await handleItem(state, item).catch(pathProblemToInvalidParam));
      }
      sendItems(res, items);
    },
  };
}

function pathProblemToInvalidParam(error: unknown): unknown {
  if (error instanceof PathTraversalError) return { ...INVALID_PARAM };
  throw error;
}

const uploadInfo: ItemHandler = async ({ ctx, bucket, envId, cos, issued }, item) => {
  const objectId = item["objectId"] as string;
  ctx.store.resolve(bucket, objectId);
  const host = new URL(ctx.baseUrl()).host;
  const grant = { token: ctx.randomId(24), meta: `HEAD:${ctx.randomId(20)}` };
  issued.set(objectId, grant);
  const signed: Record<string, string> = { host, "x-cos-meta-fileid": grant.meta, "x-cos-security-token": grant.token };
  for (const [name, values] of Object.entries((item["signedHeader"] ?? {}) as Record<string, string[]>)) signed[name.toLowerCase()] = values.join(",");
  const start = Math.floor(ctx.now() / 1000);
  const keyTime = `${start};${start + ctx.urlTtl("cloudbase.get-objects-upload-info", UPLOAD_TTL_SECONDS)}`;
  return {
    objectId,
    uploadUrl: objectUrl(ctx, bucket, objectId),
    authorization: cosAuthorization({ ...cos, method: "PUT", pathname: `/${objectId}`, headers: signed, keyTime }),
    token: grant.token,
    cloudObjectMeta: grant.meta,
    ...downloadUrls(ctx, bucket, objectId, cos.secretKey),
    cloudObjectId: `cloud://${envId}.${bucket}/${objectId}`,
  };
};

const downloadInfo: ItemHandler = async (state, item) => {
  const cloudObjectId = item["cloudObjectId"] as string;
  const key = parseCloudObjectId(state, cloudObjectId);
  if (key === undefined) return { ...INVALID_PARAM };
  if (!state.ctx.store.get(state.bucket, key)) return { ...OBJECT_NOT_EXIST };
  return { cloudObjectId, ...downloadUrls(state.ctx, state.bucket, key, state.cos.secretKey) };
};

const deleteObject: ItemHandler = async (state, item) => {
  const cloudObjectId = item["cloudObjectId"] as string;
  const key = parseCloudObjectId(state, cloudObjectId);
  if (key === undefined) return { cloudObjectId, ...INVALID_PARAM };
  const deleted = state.ctx.store.get(state.bucket, key) !== undefined && (await state.ctx.store.delete?.(state.bucket, key));
  return deleted ? { cloudObjectId } : { cloudObjectId, ...OBJECT_NOT_EXIST };
};

/** `cloud://{envId}.{bucket}/{path}` of this environment; anything else (other env, traversal) is undefined. */
function parseCloudObjectId({ ctx, envId, bucket }: CloudbaseState, id: string): string | undefined {
  const prefix = `cloud://${envId}.${bucket}/`;
  if (!id.startsWith(prefix)) return undefined;
  const key = id.slice(prefix.length);
  ctx.store.resolve(bucket, key);
  return key;
}
