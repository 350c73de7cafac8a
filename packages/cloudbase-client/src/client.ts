import type { Client } from "openapi-fetch";
import {
  checkClientOptions,
  createOpenapiClient,
  errorMiddleware,
  expectData,
  type CallOptions,
  type ClientOptions,
  type Credential,
  vendorFetch,
} from "@direct-upload/client-core";
import type { paths } from "./generated/cloudbase.js";
import { bearerAuthMiddleware } from "./auth-middleware.js";
import { cloudbaseBaseUrl } from "./base-url.js";
import { parseCloudbaseEnvelope } from "./envelope.js";
import { matchItems, type MatchedItem } from "./match-items.js";
import type {
  DeleteObjectsRequestItem,
  DeleteObjectsSuccessItem,
  DownloadInfoRequestItem,
  DownloadInfoSuccessItem,
  UploadInfoRequestItem,
  UploadInfoSuccessItem,
} from "./types.js";

export interface CloudbaseClientOptions extends Partial<ClientOptions> {
  /** Gateway URL; defaults to `https://{envId}.api.tcloudbasegateway.com`. */
  baseUrl?: string;
  /** CloudBase environment id, the shortcut for baseUrl: used when baseUrl is not given. */
  envId?: string;
  /** Access token, API key or publishable key, or a function returning the current one (called per request). */
  token: Credential;
}

export interface CloudbaseClient {
  /** The underlying openapi-fetch client, with the auth and error middleware installed. */
  readonly raw: Client<paths>;
  /** Upload credentials per object, matched to the request items by position. */
  getObjectsUploadInfo(items: UploadInfoRequestItem[], options?: CallOptions): Promise<MatchedItem<UploadInfoRequestItem, UploadInfoSuccessItem>[]>;
  /** Temporary download URLs per object, matched to the request items by position. */
  getObjectsDownloadInfo(items: DownloadInfoRequestItem[], options?: CallOptions): Promise<MatchedItem<DownloadInfoRequestItem, DownloadInfoSuccessItem>[]>;
  /** Deletes objects; each outcome is matched to its request item by position. */
  deleteObjects(items: DeleteObjectsRequestItem[], options?: CallOptions): Promise<MatchedItem<DeleteObjectsRequestItem, DeleteObjectsSuccessItem>[]>;
}

export function createCloudbaseClient(options: CloudbaseClientOptions): CloudbaseClient {
  const baseUrl = checkClientOptions({
    vendor: "cloudbase",
    baseUrl: options.baseUrl || (options.envId === undefined ? undefined : cloudbaseBaseUrl(options.envId)),
    shortcuts: ["envId"],
    required: { token: options.token },
    timeoutMs: options.timeoutMs,
  });
  let lastToken: string | undefined;
  const secrets = () => [lastToken];
  const raw = createOpenapiClient<paths>({ baseUrl, fetch: vendorFetch(options) });
  raw.use(
    bearerAuthMiddleware(options.token, (token) => (lastToken = token)),
    errorMiddleware("cloudbase", parseCloudbaseEnvelope, secrets, { replies: () => import("./generated/cloudbase-replies.js").then((module) => module.replyValidators) }),
  );

  const context = (operation: string, response: Response) => ({
    operation,
    requestId: response.headers.get("x-request-id") ?? undefined,
    secrets: secrets(),
  });

  return {
    raw,
    async getObjectsUploadInfo(items, call = {}) {
      const result = await raw.POST("/v1/storages/get-objects-upload-info", { body: items, ...call });
      return matchItems(items, expectData(result), context("/v1/storages/get-objects-upload-info", result.response));
    },
    async getObjectsDownloadInfo(items, call = {}) {
      const result = await raw.POST("/v1/storages/get-objects-download-info", { body: items, ...call });
      return matchItems(items, expectData(result), context("/v1/storages/get-objects-download-info", result.response));
    },
    async deleteObjects(items, call = {}) {
      const result = await raw.POST("/v1/storages/delete-objects", { body: items, ...call });
      return matchItems(items, expectData(result), context("/v1/storages/delete-objects", result.response));
    },
  };
}
