// Test-only: Alibaba's own ACS3 signer (the code behind the official Node SDKs), the independent reference.
import { createRequire } from "node:module";
import type OpenApiUtilModule from "@alicloud/openapi-util";

type OpenApiUtil = typeof OpenApiUtilModule.default;
type TeaRequest = Parameters<OpenApiUtil["getAuthorization"]>[0];

// A CommonJS package whose module.exports is `{ default: Client }`; require() gives the same shape everywhere.
export const OpenApiUtil: OpenApiUtil = createRequire(import.meta.url)("@alicloud/openapi-util").default;

export interface SdkRequest {
  method: string;
  pathname: string;
  query: Record<string, string>;
  /** Signed and unsigned headers alike; the SDK picks host, content-type and x-acs-*. */
  headers: Record<string, string>;
}

/** hex(SHA-256(body)) as the SDK computes the HashedPayload. */
export function sdkPayloadHash(body: string | Buffer): string {
  return OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(body), "ACS3-HMAC-SHA256"));
}

/** The Authorization header the SDK produces; the payload hash is taken from x-acs-content-sha256, as the SDK does. */
export function sdkAuthorization(request: SdkRequest, accessKeyId: string, accessKeySecret: string): string {
  const payload = request.headers["x-acs-content-sha256"] ?? "";
  return OpenApiUtil.getAuthorization(request as unknown as TeaRequest, "ACS3-HMAC-SHA256", payload, accessKeyId, accessKeySecret);
}
