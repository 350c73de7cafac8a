import { HttpRequest } from "@smithy/protocol-http";
import { signerFor } from "../../storage/obs-sigv4.js";
import { signS3Headers, UNSIGNED_PAYLOAD } from "../../storage/s3/sigv4-header.js";
import type { SandboxContext } from "../../types.js";
import { OPENIM_BUCKET } from "./api.js";

interface KeyValues {
  key: string;
  values: string[];
}

/** An expired signature (expire-urls fault) is dated 2 hours back: S3 refuses it (RequestTimeTooSkewed, or expired). */
function signingDate(ctx: SandboxContext, routeKey: string): Date {
  return new Date(ctx.now() - (ctx.urlTtl(routeKey, 1) < 0 ? 2 * 3600 * 1000 : 0));
}

/** The object's URL on the MinIO (path style: endpoint/bucket/key). */
function objectUrl(ctx: SandboxContext, key: string): string {
  return `${ctx.s3.url()}/${OPENIM_BUCKET}/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * MinIO's AuthSign as openimsdk/tools builds it: one common URL with the `uploadId` query, and per part the
 * `partNumber` query and SigV4 headers (header auth, UNSIGNED-PAYLOAD) signed now.
 */
export async function signParts(ctx: SandboxContext, routeKey: string, upload: { id: string; key: string }, partNumbers: readonly number[]) {
  const url = objectUrl(ctx, upload.key);
  const date = signingDate(ctx, routeKey);
  const parts = await Promise.all(
    partNumbers.map(async (partNumber) => {
      const headers = await signS3Headers(ctx.s3.keys, "PUT", new URL(`${url}?partNumber=${partNumber}&uploadId=${encodeURIComponent(upload.id)}`), date);
      const header: KeyValues[] = Object.entries(headers).map(([key, value]) => ({ key, values: [value] }));
      return { partNumber, url: "", query: [{ key: "partNumber", values: [String(partNumber)] }], header };
    }),
  );
  return { url, query: [{ key: "uploadId", values: [upload.id] }], header: null, parts };
}

/** MinIO's PresignedPutObject: query auth signing only host. */
export async function presignPut(ctx: SandboxContext, routeKey: string, key: string, expiresIn: number): Promise<string> {
  const url = new URL(objectUrl(ctx, key));
  // S3 presigned URLs carry no payload hash: UNSIGNED-PAYLOAD, neither signed as a header nor hoisted into the query.
  const payload = new Set(["x-amz-content-sha256"]);
  const request = new HttpRequest({
    method: "PUT",
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    headers: { host: url.host, "x-amz-content-sha256": UNSIGNED_PAYLOAD },
  });
  const signed = await signerFor(ctx.s3.keys).presign(request, { signingDate: signingDate(ctx, routeKey), expiresIn, unsignableHeaders: payload, unhoistableHeaders: payload });
  url.search = new URLSearchParams(signed.query as Record<string, string>).toString();
  return url.toString();
}
