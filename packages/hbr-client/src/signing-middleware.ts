import type { Middleware } from "openapi-fetch";
import { sha256Hex, signAcs3 } from "./acs3.js";

export interface HbrCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS security token, for temporary credentials. */
  securityToken?: string | undefined;
}

/** How many recent signatures are kept for scrubbing error messages (requests may run concurrently). */
const REMEMBERED_SIGNATURES = 32;

/**
 * Signs every request with ACS3-HMAC-SHA256 as sent: it sets `x-acs-content-sha256` from the real body, the STS
 * headers when a token is configured, `accept`, and finally `Authorization`. `x-acs-action`, `x-acs-version`,
 * `x-acs-date` and `x-acs-signature-nonce` come from the call's header parameters. `secrets()` lists what error
 * messages must never show.
 */
export function acs3Middleware(credentials: HbrCredentials): { middleware: Middleware; secrets: () => Array<string | undefined> } {
  const signatures: string[] = [];

  const middleware: Middleware = {
    async onRequest({ request }) {
      const body = new Uint8Array(await request.clone().arrayBuffer());
      request.headers.set("x-acs-content-sha256", await sha256Hex(body));
      if (credentials.securityToken) {
        request.headers.set("x-acs-security-token", credentials.securityToken);
        request.headers.set("x-acs-accesskey-id", credentials.accessKeyId);
      }
      request.headers.set("accept", "application/json");
      const signed = await signAcs3({ method: request.method, url: request.url, headers: request.headers }, credentials);
      signatures.push(signed.signature);
      if (signatures.length > REMEMBERED_SIGNATURES) signatures.shift();
      request.headers.set("Authorization", signed.authorization);
      return request;
    },
  };

  return { middleware, secrets: () => [credentials.accessKeySecret, credentials.securityToken, ...signatures] };
}
