import { createHmac } from "node:crypto";
import { problem } from "../../problem.js";
import { sendCosError } from "../../storage/cos-put-object.js";
import { readObject } from "../../storage/object-store.js";
import type { Route, SandboxContext } from "../../types.js";

const DOWNLOAD_TTL_SECONDS = 3600;

/** Upload URL of an object: path style, each key segment percent-encoded. */
export function objectUrl(ctx: SandboxContext, bucket: string, key: string): string {
  return `${ctx.baseUrl()}/storage/cos/${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** Time-limited download link: `sign` is an HMAC over bucket/key and the expiry `t`. */
export function downloadUrls(ctx: SandboxContext, bucket: string, key: string, secret: string) {
  const t = Math.floor(ctx.now() / 1000) + DOWNLOAD_TTL_SECONDS;
  const query = `?sign=${downloadSign(secret, bucket, key, t)}&t=${t}`;
  // The real downloadUrl is not percent-encoded; encodeURI keeps it a valid URI (the spec's `format: uri`) for names with spaces.
  return { downloadUrl: `${ctx.baseUrl()}/storage/cos/${bucket}/${encodeURI(key)}${query}`, downloadUrlEncoded: `${objectUrl(ctx, bucket, key)}${query}` };
}

function downloadSign(secret: string, bucket: string, key: string, t: number): string {
  return createHmac("sha1", secret).update(`${bucket}/${key}\n${t}`).digest("hex");
}

/** GET of a download link (the bucket is private: only signed, unexpired links are served). */
export function cosDownloadRoute(ctx: SandboxContext, bucket: string, secret: string): Route {
  return {
    method: "GET",
    path: "/storage/cos/:bucket/*",
    key: "cloudbase.cos-get",
    sendError: sendCosError,
    async handle({ res, params, url }) {
      const key = params["*"] ?? "";
      const t = Number(url.searchParams.get("t"));
      if (params["bucket"] !== bucket) return sendCosError(res, problem(404, "NoSuchBucket", "The specified bucket does not exist."));
      if (url.searchParams.get("sign") !== downloadSign(secret, bucket, key, t)) return sendCosError(res, problem(403, "AccessDenied", "Access Denied."));
      if (t < Math.floor(ctx.now() / 1000)) return sendCosError(res, problem(403, "AccessDenied", "Request has expired"));
      const object = ctx.store.get(bucket, key);
      if (!object) return sendCosError(res, problem(404, "NoSuchKey", "The specified key does not exist."));
      res.writeHead(200, { "Content-Type": object.contentType ?? "application/octet-stream", "Content-Length": String(object.size), ETag: `"${object.md5}"` });
      readObject(object).pipe(res);
    },
  };
}
