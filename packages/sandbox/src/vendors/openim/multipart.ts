import { createHash } from "node:crypto";
import { PathTraversalError } from "../../errors.js";
import { isProblem } from "../../problem.js";
import { jsonApiRoute } from "../../server/json-api-route.js";
import { readObject } from "../../storage/object-store.js";
import { S3_PART_LIMITS } from "../../storage/s3/multipart-uploads.js";
import type { Route } from "../../types.js";
import { checkUploadName, OPENIM_BUCKET, openimApi, type OpenimCaller, type OpenimState } from "./api.js";
import { OPENIM_ERRORS, openimProblem, sendEnvelope } from "./envelope.js";
import { decodeUploadId, encodeUploadId } from "./multipart-id.js";
import { presignPut, signParts } from "./part-sign.js";

/** openimsdk/tools s3/cont: content lives at its hash; one-part files go through a presigned temp object. */
const HASH_PATH = "openim/data/hash/";
const TEMP_PATH = "openim/temp/";
/** The server's default upload lifetime (config `object` expire; an inference). */
const UPLOAD_TTL_MS = 3600 * 1000;
const PRESIGN_SECONDS = 3600;

const { minPartSize, maxPartSize, maxParts: maxNumSize } = S3_PART_LIMITS;
const md5Hex = (text: string) => createHash("md5").update(text).digest("hex");

/** MinIO PartSize: the minimum while it fits in 10000 parts, else size / 10000 rounded up. */
function partSizeFor(size: number): number {
  return size <= minPartSize * maxNumSize ? minPartSize : Math.ceil(size / maxNumSize);
}

interface InitiateBody {
  hash: string;
  size: number;
  partSize: number;
  maxParts: number;
  name: string;
  cause?: string;
  contentType?: string;
}

/** part_limit, initiate_multipart_upload, auth_sign and complete_multipart_upload over the sandbox S3 (MinIO). */
export function multipartRoutes(state: OpenimState): Route[] {
  const { ctx } = state;
  const api = openimApi(state);
  const objectUrl = (name: string) => `${ctx.baseUrl()}/openim/object/${encodeURI(name)}`;
  const internal = (message: string) => openimProblem(OPENIM_ERRORS.internal, message);

  return [
    jsonApiRoute<object, OpenimCaller>(api, {
      path: "/openim/object/part_limit",
      key: "openim.part_limit",
      operationId: "partLimit",
      handle: ({ res }) => sendEnvelope(res, { minPartSize, maxPartSize, maxNumSize }),
    }),
    jsonApiRoute<InitiateBody, OpenimCaller>(api, {
      path: "/openim/object/initiate_multipart_upload",
      key: "openim.initiate_multipart_upload",
      operationId: "initiateMultipartUpload",
      async handle({ body, caller, res }) {
        const nameProblem = checkUploadName(body.name, caller);
        if (nameProblem) return nameProblem;
        if (!/^[0-9a-f]{32}$/i.test(body.hash)) return internal("invalid md5");
        if (body.size > maxPartSize * maxNumSize) return internal("MINIO size must be less than the maximum allowed limit");
        const partSize = partSizeFor(body.size);
        const partCount = Math.ceil(body.size / partSize);
        // Mirrors the check in s3/cont InitiateUpload as written (it refuses maxParts above the part count).
        if (body.maxParts > 0 && partCount < body.maxParts) return internal(`too many parts: ${partCount}`);
        const hash = body.hash.toLowerCase();
        if (ctx.store.get(OPENIM_BUCKET, HASH_PATH + hash)) return sendEnvelope(res, { url: objectUrl(body.name) });
        const expireTime = ctx.now() + UPLOAD_TTL_MS;
        if (body.size <= partSize) {
          const key = `${TEMP_PATH}${new Date(ctx.now()).toISOString().slice(0, 19).replace(/[-:T]/g, "/")}/${hash}_${body.size}_${ctx.randomId(16)}.presigned`;
          const url = await presignPut(ctx, "openim.initiate_multipart_upload", key, PRESIGN_SECONDS);
          const uploadID = encodeUploadId({ type: 2, id: "", key, size: body.size, hash });
          return sendEnvelope(res, {
            url: "",
            upload: { uploadID, partSize, expireTime, sign: { url: "", query: null, header: null, parts: [{ partNumber: 1, url, query: null, header: null }] } },
          });
        }
        const key = HASH_PATH + hash;
        const id = ctx.s3.createMultipartUpload({ vendor: "openim", bucket: OPENIM_BUCKET, key, ...(body.contentType ? { contentType: body.contentType } : {}) });
        const signCount = body.maxParts < 0 ? partCount : body.maxParts;
        const numbers = Array.from({ length: signCount }, (_, i) => i + 1);
        const sign = signCount > 0 ? await signParts(ctx, "openim.initiate_multipart_upload", { id, key }, numbers) : null;
        sendEnvelope(res, { url: "", upload: { uploadID: encodeUploadId({ type: 1, id, key, size: body.size, hash }), partSize, expireTime, sign } });
      },
    }),
    jsonApiRoute<{ uploadID: string; partNumbers: number[] }, OpenimCaller>(api, {
      path: "/openim/object/auth_sign",
      key: "openim.auth_sign",
      operationId: "authSign",
      async handle({ body, res }) {
        const upload = decodeUploadId(body.uploadID);
        if (!upload) return internal("invalid upload id");
        if (upload.type === 2) return internal("presigned id not support auth sign");
        sendEnvelope(res, await signParts(ctx, "openim.auth_sign", upload, body.partNumbers));
      },
    }),
    jsonApiRoute<{ uploadID: string; parts: string[]; name: string; contentType?: string }, OpenimCaller>(api, {
      path: "/openim/object/complete_multipart_upload",
      key: "openim.complete_multipart_upload",
      operationId: "completeMultipartUpload",
      async handle({ body, caller, res }) {
        const nameProblem = checkUploadName(body.name, caller);
        if (nameProblem) return nameProblem;
        const upload = decodeUploadId(body.uploadID);
        if (!upload) return internal("invalid upload id");
        if (md5Hex(body.parts.join(",")) !== upload.hash) return internal("md5 mismatching");
        const hashKey = HASH_PATH + upload.hash;
        if (ctx.store.get(OPENIM_BUCKET, hashKey)) return sendEnvelope(res, { url: objectUrl(body.name) });
        if (upload.type === 1) {
          const stored = await ctx.s3.completeMultipartUpload(
            upload.id,
            body.parts.map((etag, i) => ({ number: i + 1, etag })),
          );
          if (isProblem(stored)) return internal(`${stored.code}: ${stored.message}`);
          return sendEnvelope(res, { url: objectUrl(body.name) });
        }
        const temp = ctx.store.get(OPENIM_BUCKET, upload.key);
        if (!temp) return internal("The specified key does not exist.");
        if (temp.size !== upload.size) return internal("upload size mismatching");
        if (md5Hex(ctx.s3.etag(temp)) !== upload.hash) return openimProblem(OPENIM_ERRORS.args, `md5 mismatching ${md5Hex(ctx.s3.etag(temp))} != ${upload.hash}`);
        try {
          await ctx.store.put({ vendor: "openim", bucket: OPENIM_BUCKET, key: hashKey, body: readObject(temp), contentType: body.contentType || temp.contentType });
        } catch (error) {
          if (error instanceof PathTraversalError) return openimProblem(OPENIM_ERRORS.args, error.message);
          throw error;
        }
        await ctx.store.delete?.(OPENIM_BUCKET, upload.key);
        sendEnvelope(res, { url: objectUrl(body.name) });
      },
    }),
  ];
}
