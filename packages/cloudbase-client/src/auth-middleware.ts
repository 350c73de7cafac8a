import type { Middleware } from "openapi-fetch";
import { requireCredential, type Credential } from "@direct-upload/client-core";

/**
 * Sends `Authorization: Bearer <token>`, resolving a provider on every request so refreshed access tokens
 * (2 h lifetime) are picked up. `onToken` sees each token so errors can redact it.
 */
export function bearerAuthMiddleware(token: Credential, onToken: (token: string) => void): Middleware {
  return {
    async onRequest({ request }) {
      const value = await requireCredential("cloudbase", "token", token);
      onToken(value);
      request.headers.set("Authorization", `Bearer ${value}`);
      return request;
    },
  };
}
