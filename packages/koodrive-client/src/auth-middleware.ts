import type { Middleware } from "openapi-fetch";
import { requireCredential, type Credential } from "@direct-upload/client-core";
import { appAuthorization } from "./app-auth.js";

export type KoodriveAuth = { type: "bearer"; token: Credential } | { type: "app"; appId: string; appSecret: string };

/**
 * Sets Authorization on every request: the bearer token, or the app-auth signature over the request as sent
 * (so X-Date and X-User-Id must already be set). `secrets()` lists what error messages must never show.
 */
export function koodriveAuth(auth: KoodriveAuth): { middleware: Middleware; secrets: () => Array<string | undefined> } {
  let lastToken: string | undefined;
  let lastSignature: string | undefined;

  const middleware: Middleware = {
    async onRequest({ request }) {
      if (auth.type === "bearer") {
        lastToken = await requireCredential("koodrive", "auth.token", auth.token);
        request.headers.set("Authorization", `Bearer ${lastToken}`);
        return request;
      }
      const authorization = await appAuthorization(
        {
          method: request.method,
          url: request.url,
          headers: { "x-date": request.headers.get("X-Date") ?? "", "x-user-id": request.headers.get("X-User-Id") ?? "" },
          body: await request.clone().text(),
        },
        auth.appId,
        auth.appSecret,
      );
      lastSignature = authorization.slice(authorization.lastIndexOf("=") + 1);
      request.headers.set("Authorization", authorization);
      return request;
    },
  };

  return { middleware, secrets: () => [lastToken, lastSignature, auth.type === "app" ? auth.appSecret : undefined] };
}
