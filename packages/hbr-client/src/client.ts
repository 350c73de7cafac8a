import type { Client } from "openapi-fetch";
import {
  DirectUploadError,
  checkClientOptions,
  createOpenapiClient,
  errorMiddleware,
  expectData,
  type CallOptions,
  type ClientOptions,
  vendorFetch,
} from "@direct-upload/client-core";
import type { paths } from "./generated/hbr.js";
import type { CreateTempFileUploadUrlHeaders, CreateTempFileUploadUrlResponse } from "./types.js";
import { EMPTY_BODY_SHA256, formatAcsDate } from "./acs3.js";
import { hbrEndpoint } from "./endpoint.js";
import { acs3Middleware } from "./signing-middleware.js";
import { parseHbrEnvelope } from "./envelope.js";

export const HBR_API_VERSION = "2017-09-08";

export interface HbrClientOptions extends Partial<ClientOptions> {
  /** Shortcut for baseUrl: the region of the regional endpoint `hbr.{regionId}.aliyuncs.com` (see hbrEndpoint). */
  regionId?: string;
  /** Shortcut for baseUrl: the API host, e.g. `hbr.cn-shanghai.aliyuncs.com`; overrides `regionId`. */
  endpoint?: string;
  /** Full base URL (scheme and host), e.g. a local sandbox; overrides `endpoint` and `regionId`. */
  baseUrl?: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** STS security token, for temporary credentials. */
  securityToken?: string;
  /** Clock for `x-acs-date` (tests, or correcting a skewed clock). */
  now?: () => Date;
  /** Source of `x-acs-signature-nonce`; a random UUID by default. */
  nonce?: () => string;
}

export interface HbrClient {
  /** Gets the signed OSS form for uploading `fileName`; every failure is thrown as a typed error. */
  createTempFileUploadUrl(fileName: string, options?: CallOptions): Promise<CreateTempFileUploadUrlResponse>;
  /** The underlying openapi-fetch client, with signing and error middleware installed. */
  raw: Client<paths>;
  /** Header parameters of a CreateTempFileUploadUrl call (fresh date and nonce); pass them when calling `raw`. */
  headers(): CreateTempFileUploadUrlHeaders;
}

export function createHbrClient(options: HbrClientOptions): HbrClient {
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? (() => crypto.randomUUID());
  const { endpoint, regionId, accessKeyId, accessKeySecret, securityToken } = options;
  const baseUrl = checkClientOptions({
    vendor: "hbr",
    baseUrl: options.baseUrl || (endpoint || regionId ? `https://${endpoint || hbrEndpoint(regionId)}` : undefined),
    shortcuts: ["regionId", "endpoint"],
    required: { accessKeyId, accessKeySecret },
    optional: { securityToken },
    timeoutMs: options.timeoutMs,
  });
  const signing = acs3Middleware(options);

  const raw = createOpenapiClient<paths>({ baseUrl, fetch: vendorFetch(options) });
  raw.use(signing.middleware);
  // Every HBR action shares the path "/", so errors name the action (x-acs-action) instead of the path.
  raw.use(
    errorMiddleware("hbr", parseHbrEnvelope, signing.secrets, {
      replies: () => import("./generated/hbr-replies.js").then((module) => module.replyValidators),
      operation: (request, path) => request.headers.get("x-acs-action") ?? path,
    }),
  );

  const client: HbrClient = {
    createTempFileUploadUrl: (fileName, call) => createTempFileUploadUrl(client, fileName, call),
    raw,
    headers: () => ({
      "x-acs-action": "CreateTempFileUploadUrl",
      "x-acs-version": HBR_API_VERSION,
      "x-acs-date": formatAcsDate(now()),
      "x-acs-signature-nonce": nonce(),
      "x-acs-content-sha256": EMPTY_BODY_SHA256,
    }),
  };
  return client;
}

/** Gets the signed OSS form for uploading `fileName`; every failure is thrown as a typed error. */
export async function createTempFileUploadUrl(client: HbrClient, fileName: string, options: CallOptions = {}): Promise<CreateTempFileUploadUrlResponse> {
  const body = expectData(await client.raw.POST("/", { params: { query: { FileName: fileName }, header: client.headers() }, ...options }));
  if (body.Success) return body;
  // The error middleware throws on Success=false, so this only narrows the type.
  throw new DirectUploadError("unexpected_response", "hbr CreateTempFileUploadUrl answered Success=false without an error");
}
