import type { Client } from "openapi-fetch";
import {
  checkClientOptions,
  createOpenapiClient,
  errorMiddleware,
  expectData,
  requireCredential,
  type CallOptions,
  type ClientOptions,
  type Credential,
  vendorFetch,
} from "@direct-upload/client-core";
import type { paths } from "./generated/pds.js";
import type {
  CompleteFileRequest,
  CreateFileRequest,
  CreateFileResponse,
  GetFileRequest,
  GetUploadUrlRequest,
  GetUploadUrlResponse,
  ListUploadedPartsRequest,
  ListUploadedPartsResponse,
  PdsFile,
} from "./types.js";
import { parsePdsEnvelope } from "./envelope.js";

export interface PdsClientOptions extends Partial<ClientOptions> {
  /** API endpoint; defaults to `https://{domainId}.api.aliyunpds.com`. */
  baseUrl?: string;
  /** PDS domain ID, the shortcut for baseUrl: used when `baseUrl` is not given. */
  domainId?: string;
  /** Access token, sent as `Authorization: Bearer <token>`; optional with `shareToken`. */
  token?: Credential;
  /** Share-link token, sent as `x-share-token`: uploads through a share link authenticate with it alone. */
  shareToken?: Credential;
}

export interface PdsClient {
  createFile(body: CreateFileRequest, options?: CallOptions): Promise<CreateFileResponse>;
  getUploadUrl(body: GetUploadUrlRequest, options?: CallOptions): Promise<GetUploadUrlResponse>;
  listUploadedParts(body: ListUploadedPartsRequest, options?: CallOptions): Promise<ListUploadedPartsResponse>;
  completeFile(body: CompleteFileRequest, options?: CallOptions): Promise<PdsFile>;
  /** Reads a file, e.g. to confirm an upload whose complete answer was lost. */
  getFile(body: GetFileRequest, options?: CallOptions): Promise<PdsFile>;
  /** The underlying openapi-fetch client, with auth and error middleware installed. */
  raw: Client<paths>;
}

export function createPdsClient(options: PdsClientOptions): PdsClient {
  const { token, shareToken } = options;
  const baseUrl = checkClientOptions({
    vendor: "pds",
    baseUrl: options.baseUrl || (options.domainId ? `https://${options.domainId}.api.aliyunpds.com` : undefined),
    shortcuts: ["domainId"],
    ...(shareToken === undefined ? { required: { token } } : { required: { shareToken }, optional: { token } }),
    timeoutMs: options.timeoutMs,
  });
  // Latest resolved credentials, scrubbed from error messages.
  let lastToken: string | undefined;
  let lastShareToken: string | undefined;

  const raw = createOpenapiClient<paths>({ baseUrl, fetch: vendorFetch(options) });
  raw.use({
    async onRequest({ request }) {
      if (token !== undefined) {
        lastToken = await requireCredential("pds", "token", token);
        request.headers.set("Authorization", `Bearer ${lastToken}`);
      }
      if (shareToken !== undefined) {
        lastShareToken = await requireCredential("pds", "shareToken", shareToken);
        request.headers.set("x-share-token", lastShareToken);
      }
      return request;
    },
  });
  raw.use(
    errorMiddleware("pds", parsePdsEnvelope, () => [lastToken, lastShareToken], { replies: () => import("./generated/pds-replies.js").then((module) => module.replyValidators) }),
  );

  return {
    raw,
    async createFile(body, call = {}) {
      return expectData(await raw.POST("/v2/file/create", { body, ...call }));
    },
    async getUploadUrl(body, call = {}) {
      return expectData(await raw.POST("/v2/file/get_upload_url", { body, ...call }));
    },
    async listUploadedParts(body, call = {}) {
      return expectData(await raw.POST("/v2/file/list_uploaded_parts", { body, ...call }));
    },
    async completeFile(body, call = {}) {
      return expectData(await raw.POST("/v2/file/complete", { body, ...call }));
    },
    async getFile(body, call = {}) {
      return expectData(await raw.POST("/v2/file/get", { body, ...call }));
    },
  };
}
