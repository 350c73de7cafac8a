import type { Client } from "openapi-fetch";
import { checkClientOptions, createOpenapiClient, errorMiddleware, expectData, vendorFetch, type CallOptions, type ClientOptions } from "@direct-upload/client-core";
import type { paths } from "./generated/koodrive.js";
import type {
  CompleteFileRequest,
  CompleteFileResponse,
  CreateFileRequest,
  CreateFileResponse,
  GetMultipartUploadUrlRequest,
  GetMultipartUploadUrlResponse,
  KoodriveRequestHeaders,
} from "./types.js";
import { koodriveAuth, type KoodriveAuth } from "./auth-middleware.js";
import { formatXDate, newTraceId } from "./request-headers.js";
import { parseKoodriveEnvelope } from "./envelope.js";

export interface KoodriveClientOptions extends ClientOptions {
  /** e.g. `https://intl.myhuaweicloud-koodrive.com` or `https://cn.myhuaweicloud-koodrive.com`. */
  baseUrl: string;
  /** KooDrive user ID, sent as X-User-Id on every request. */
  userId: string;
  auth: KoodriveAuth;
  /** `language` header, e.g. `en-US`; omitted when not set. */
  language?: string;
  /** X-Traceid for each request; a random 58-character id by default. */
  traceId?: () => string;
  /** Clock for X-Date (tests, or correcting a skewed clock). */
  now?: () => Date;
}

export interface KoodriveClient {
  createFile(body: CreateFileRequest, options?: CallOptions): Promise<CreateFileResponse>;
  getMultipartUploadUrl(body: GetMultipartUploadUrlRequest, options?: CallOptions): Promise<GetMultipartUploadUrlResponse>;
  completeFile(body: CompleteFileRequest, options?: CallOptions): Promise<CompleteFileResponse>;
  /** The headers every call needs (fresh X-Date and X-Traceid); pass them when calling `raw` directly. */
  headers(): KoodriveRequestHeaders;
  /** The underlying openapi-fetch client, with auth and error middleware installed. */
  raw: Client<paths>;
}

export function createKoodriveClient(options: KoodriveClientOptions): KoodriveClient {
  const { userId, language, auth } = options;
  // `auth?.`: callers without type checking may leave auth out, which must fail like an empty token.
  const credentials = auth?.type === "app" ? { "auth.appId": auth.appId, "auth.appSecret": auth.appSecret } : { "auth.token": auth?.token };
  const baseUrl = checkClientOptions({ vendor: "koodrive", baseUrl: options.baseUrl, required: { userId, ...credentials }, timeoutMs: options.timeoutMs });
  const now = options.now ?? (() => new Date());
  const traceId = options.traceId ?? newTraceId;
  const authorization = koodriveAuth(auth);

  const raw = createOpenapiClient<paths>({ baseUrl, fetch: vendorFetch(options) });
  raw.use(authorization.middleware);
  raw.use(
    errorMiddleware("koodrive", parseKoodriveEnvelope, authorization.secrets, {
      replies: () => import("./generated/koodrive-replies.js").then((module) => module.replyValidators),
    }),
  );

  function headers(): KoodriveRequestHeaders {
    return {
      "X-User-Id": userId,
      "X-Date": formatXDate(now()),
      "X-Traceid": traceId(),
      ...(language ? { language } : {}),
    };
  }

  return {
    raw,
    headers,
    async createFile(body, call = {}) {
      return expectData(await raw.POST("/koodrive/ose/v1/files/create", { body, params: { header: headers() }, ...call }));
    },
    async getMultipartUploadUrl(body, call = {}) {
      return expectData(await raw.POST("/koodrive/ose/v1/files/multipart/uploadUrl", { body, params: { header: headers() }, ...call }));
    },
    async completeFile(body, call = {}) {
      return expectData(await raw.POST("/koodrive/ose/v1/files/complete", { body, params: { header: headers() }, ...call }));
    },
  };
}
