import type { Middleware } from "openapi-fetch";
import { requireCredential, type Credential } from "@direct-upload/client-core";

/**
 * Adds the `token` header (resolving a provider on every request, so refreshed tokens are picked up) and an
 * `operationID` header when the caller did not set one. `onToken` sees each token so errors can redact it.
 */
export function openimAuthMiddleware(token: Credential, operationId: () => string, onToken: (token: string) => void): Middleware {
  return {
    async onRequest({ request }) {
      const value = await requireCredential("openim", "token", token);
      onToken(value);
      request.headers.set("token", value);
      if (!request.headers.has("operationID")) request.headers.set("operationID", operationId());
      return request;
    },
  };
}
