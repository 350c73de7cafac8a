import { randomBytes } from "node:crypto";
import { extname } from "node:path";
import { BadJsonBodyError, PathTraversalError } from "../../errors.js";
import { readJsonBody } from "../../server/json-body.js";
import { s3PostObjectRoute, signS3Policy, type S3Credentials } from "../../storage/s3-post-object.js";
import type { Route, RouteRequest, SandboxContext, VendorFactory } from "../../types.js";
import { authenticate, checkUploadName, OPENIM_ERRORS, sendEnvelope, sendOpenimError, sendOpenimFault, type OpenimCaller, type OpenimError } from "./envelope.js";

const BUCKET = "openim";
const DEFAULT_TTL_SECONDS = 600;

/** The JSON OpenIM packs (unsigned) into the RawStd-base64 `id`. */
interface FormDataMate {
  name: string;
  size: number;
  contentType: string;
  group: string;
  key: string;
}

interface OpenimState {
  ctx: SandboxContext;
  tokens: Map<string, OpenimCaller>;
  minio: S3Credentials;
}

/** OpenIM third service (`/openim/object/*`) backed by its default MinIO storage (`/storage/minio/openim`). */
export const openimVendor: VendorFactory = (ctx) => {
  const jwtLike = () => [12, 24, 16].map((n) => randomBytes(n).toString("base64url")).join(".");
  const userId = `u${randomBytes(4).readUInt32BE() % 1_000_000}`;
  const userToken = jwtLike();
  const adminToken = jwtLike();
  const state: OpenimState = {
    ctx,
    tokens: new Map([
      [userToken, { userId, admin: false }],
      [adminToken, { userId: "imAdmin", admin: true }],
    ]),
    minio: { accessKeyId: ctx.randomId(10).toUpperCase(), secretAccessKey: ctx.randomId(20), region: "us-east-1" },
  };
  return {
    name: "openim",
    routes: [
      apiRoute(state, "initiate_form_data", initiateFormData),
      apiRoute(state, "complete_form_data", completeFormData),
      s3PostObjectRoute(ctx, { vendor: "openim", key: "openim.storage-post", path: "/storage/minio/:bucket", credentials: state.minio, buckets: [BUCKET] }),
    ],
    info: () => ({ baseUrl: `${ctx.baseUrl()}/openim`, token: userToken, userId, adminToken, adminUserId: "imAdmin", storageUrl: `${ctx.baseUrl()}/storage/minio/${BUCKET}` }),
  };
};

type Outcome = { data: unknown } | [OpenimError, string];
type Operation = (state: OpenimState, caller: OpenimCaller, body: Record<string, unknown>) => Promise<Outcome>;

function apiRoute(state: OpenimState, name: "initiate_form_data" | "complete_form_data", run: Operation): Route {
  const operationId = name === "initiate_form_data" ? "initiateFormData" : "completeFormData";
  return {
    method: "POST",
    path: `/openim/object/${name}`,
    key: `openim.${name}`,
    sendError: sendOpenimFault,
    async handle({ req, res }: RouteRequest) {
      const caller = authenticate(req, state.tokens);
      if (Array.isArray(caller)) {
        req.resume();
        return sendOpenimError(res, ...caller);
      }
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (error instanceof BadJsonBodyError) return sendOpenimError(res, OPENIM_ERRORS.args, error.message);
        throw error;
      }
      const problems = state.ctx.validateRequest("openim", operationId, body);
      if (problems.length > 0) return sendOpenimError(res, OPENIM_ERRORS.args, problems.join("; "));
      const outcome = await run(state, caller, body as Record<string, unknown>);
      if (Array.isArray(outcome)) return sendOpenimError(res, ...outcome);
      sendEnvelope(res, outcome.data);
    },
  };
}

const initiateFormData: Operation = async ({ ctx, minio }, caller, body) => {
  const name = body["name"] as string;
  const size = body["size"] as number;
  const contentType = (body["contentType"] as string | undefined) ?? "";
  const nameProblem = checkUploadName(name, caller);
  if (nameProblem) return nameProblem;
  const millisecond = caller.admin ? ((body["millisecond"] as number | undefined) ?? 0) : 0;
  const ttlSeconds = ctx.urlTtl("openim.initiate_form_data", millisecond > 0 ? millisecond / 1000 : DEFAULT_TTL_SECONDS);
  const now = new Date(ctx.now());
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  const key = caller.admin && body["absolute"] === true ? name : `openim/direct/${day}/${caller.userId}/${ctx.randomId(16)}${extname(name)}`;
  try {
    ctx.store.resolve(BUCKET, key);
  } catch (error) {
    if (error instanceof PathTraversalError) return [OPENIM_ERRORS.args, error.message];
    throw error;
  }
  const amzDate = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const credential = `${minio.accessKeyId}/${day}/${minio.region}/s3/aws4_request`;
  const expiresMs = now.getTime() + ttlSeconds * 1000;
  const conditions: unknown[] = [["eq", "$key", key], ["eq", "$success_action_status", "200"]];
  if (contentType) conditions.push(["eq", "$Content-Type", contentType]);
  conditions.push(["eq", "$bucket", BUCKET], ["eq", "$x-amz-date", amzDate], ["eq", "$x-amz-algorithm", "AWS4-HMAC-SHA256"], ["eq", "$x-amz-credential", credential], ["content-length-range", 0, size]);
  const policy = Buffer.from(JSON.stringify({ expiration: new Date(expiresMs).toISOString(), conditions })).toString("base64");
  const formData: Record<string, string> = { key, bucket: BUCKET, success_action_status: "200" };
  if (contentType) formData["Content-Type"] = contentType;
  Object.assign(formData, {
    policy,
    "x-amz-algorithm": "AWS4-HMAC-SHA256",
    "x-amz-credential": credential,
    "x-amz-date": amzDate,
    "x-amz-signature": await signS3Policy(minio, day, policy),
  });
  const mate: FormDataMate = { name, size, contentType, group: (body["group"] as string | undefined) ?? "", key };
  const id = Buffer.from(JSON.stringify(mate)).toString("base64").replace(/=+$/, "");
  return { data: { id, url: `${ctx.baseUrl()}/storage/minio/${BUCKET}`, file: "file", header: null, formData, expires: expiresMs, successCodes: [200] } };
};

const completeFormData: Operation = async ({ ctx }, caller, body) => {
  const mate = decodeMate(body["id"] as string);
  if (!mate) return [OPENIM_ERRORS.args, "invalid id"];
  const nameProblem = checkUploadName(mate.name, caller);
  if (nameProblem) return nameProblem;
  const object = ctx.store.get(BUCKET, mate.key);
  // MinIO's NoSuchKey is not mapped to a CodeError, so OpenIM reports a missing object as ServerInternalError.
  if (!object) return [OPENIM_ERRORS.internal, "The specified key does not exist."];
  if (object.size > 0 && object.size !== mate.size) return [OPENIM_ERRORS.data, "file size mismatch"];
  return { data: { url: `${ctx.baseUrl()}/openim/object/${encodeURI(mate.name)}` } };
};

/** RawStd base64 (no padding) of the mate JSON; anything else is an invalid id. */
function decodeMate(id: string): FormDataMate | undefined {
  if (!/^[A-Za-z0-9+/]+$/.test(id) || id.length % 4 === 1) return undefined;
  try {
    const mate = JSON.parse(Buffer.from(id, "base64").toString("utf8")) as Partial<FormDataMate>;
    if (typeof mate.name !== "string" || typeof mate.size !== "number" || typeof mate.key !== "string") return undefined;
    return mate as FormDataMate;
  } catch {
    return undefined;
  }
}
