import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { EntityTooLargeError } from "../../errors.js";
import { isProblem, problem, type Problem } from "../../problem.js";
import type { FaultBook } from "../../server/faults.js";
import type { Route, RouteRequest, S3Keys, StoredObject } from "../../types.js";
import { readObject, type FileObjectStore } from "../object-store.js";
import { sendS3Error } from "../s3-post-object.js";
import { MAX_OBJECT_BYTES, storeErrorAsProblem } from "../store-problems.js";
import { S3_PART_LIMITS, type S3MultipartUploads, type S3Upload } from "./multipart-uploads.js";
import { payloadCheck, type PayloadCheck } from "./payload-check.js";
import { element, parseCompleteParts, s3Document } from "./s3-xml.js";
import { verifyS3Request } from "./sigv4-header.js";

/** Arm a "fail" fault here to have CompleteMultipartUpload fail after its 200 status line, as S3 may. */
export const S3_COMPLETE_AFTER_200_KEY = "s3.complete-multipart-upload.after-200";

export interface S3RouteContext {
  keys: S3Keys;
  buckets: ReadonlySet<string>;
  store: FileObjectStore;
  uploads: S3MultipartUploads;
  faults: FaultBook;
  now(): number;
}

type Handler = (call: RouteRequest & { bucket: string; key: string }) => Promise<void>;

/** The path-style S3 object API of the sandbox's S3 endpoint, SigV4-checked (header or query auth). */
export function s3Routes(s3: S3RouteContext): Route[] {
  const route = (method: Route["method"], path: string, key: string, handler: Handler): Route => ({
    method,
    path,
    key,
    sendError: sendS3Error,
    async handle(request) {
      const { req, res, url, params } = request;
      const bucket = params["bucket"] ?? "";
      const objectKey = params["*"] ?? "";
      const resource = `/${bucket}${objectKey ? `/${objectKey}` : ""}`;
      const denied =
        (await verifyS3Request({ credentials: s3.keys, method, url, headers: req.headers, now: s3.now() })) ??
        (s3.buckets.has(bucket) ? undefined : problem(404, "NoSuchBucket", "The specified bucket does not exist"));
      if (denied) {
        req.resume();
        return sendS3Error(res, denied, resource);
      }
      try {
        await handler({ ...request, bucket, key: objectKey });
      } catch (error) {
        const known = storeErrorAsProblem(error);
        if (!isProblem(known) || res.headersSent) throw error;
        sendS3Error(res, known, resource);
      }
    },
  });
  const fail = (res: ServerResponse, p: Problem, req: IncomingMessage) => {
    req.resume();
    sendS3Error(res, p, new URL(req.url ?? "/", "http://s3").pathname);
  };

  return [
    route("GET", "/:bucket", "s3.bucket-get", async ({ req, res, url, bucket }) => {
      if (url.searchParams.has("location")) return sendXml(res, 200, s3Document("LocationConstraint", []).replace("></LocationConstraint>", "/>"));
      if (url.searchParams.has("uploads")) return sendXml(res, 200, listUploads(s3, bucket, url.searchParams.get("prefix") ?? ""));
      fail(res, problem(501, "NotImplemented", "The sandbox S3 serves only ?location and ?uploads on a bucket."), req);
    }),
    route("HEAD", "/:bucket", "s3.bucket-head", async ({ res }) => {
      res.writeHead(200).end();
    }),
    route("PUT", "/:bucket/*", "s3.put", async ({ req, res, url, bucket, key }) => {
      const check = payloadCheck(req.headers);
      if (isProblem(check)) return fail(res, check, req);
      if (req.headers["content-length"] === undefined) return fail(res, problem(411, "MissingContentLength", "You must provide the Content-Length HTTP header."), req);
      const uploadId = url.searchParams.get("uploadId");
      if (uploadId === null) return putObject(s3, { req, res, bucket, key, check });
      const upload = s3.uploads.find(uploadId, bucket, key);
      if (isProblem(upload)) return fail(res, upload, req);
      const partNumber = Number(url.searchParams.get("partNumber"));
      if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > S3_PART_LIMITS.maxParts) {
        return fail(res, problem(400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive"), req);
      }
      await uploadPart(s3, { res, upload, partNumber, body: req, check });
    }),
    route("POST", "/:bucket/*", "s3.post", async ({ req, res, url, bucket, key }) => {
      if (url.searchParams.has("uploads")) {
        req.resume();
        const contentType = req.headers["content-type"];
        const upload = s3.uploads.create(bucket, key, contentType);
        return sendXml(res, 200, s3Document("InitiateMultipartUploadResult", [element("Bucket", bucket), element("Key", key), element("UploadId", upload.id)]));
      }
      const uploadId = url.searchParams.get("uploadId");
      if (uploadId === null) return fail(res, problem(400, "InvalidRequest", "POST on an object needs ?uploads or ?uploadId (form uploads go to the bucket)."), req);
      await completeUpload(s3, { req, res, bucket, key, uploadId });
    }),
    route("GET", "/:bucket/*", "s3.get", async ({ req, res, url, bucket, key }) => {
      const uploadId = url.searchParams.get("uploadId");
      if (uploadId === null) return getObject(s3, res, bucket, key, true);
      const upload = s3.uploads.find(uploadId, bucket, key);
      if (isProblem(upload)) return fail(res, upload, req);
      sendXml(res, 200, listParts(upload, url.searchParams));
    }),
    route("HEAD", "/:bucket/*", "s3.head", async ({ res, bucket, key }) => getObject(s3, res, bucket, key, false)),
    route("DELETE", "/:bucket/*", "s3.delete", async ({ req, res, url, bucket, key }) => {
      const uploadId = url.searchParams.get("uploadId");
      if (uploadId === null) {
        await s3.store.delete(bucket, key);
        return void res.writeHead(204).end();
      }
      const upload = s3.uploads.find(uploadId, bucket, key);
      if (isProblem(upload)) return fail(res, upload, req);
      await s3.uploads.abort(upload);
      res.writeHead(204).end();
    }),
  ];
}

function sendXml(res: ServerResponse, status: number, xml: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(xml), ...headers }).end(xml);
}

/** The body as the store reads it, each chunk seen by the payload check on the way. */
async function* tapped(body: AsyncIterable<Uint8Array>, check: PayloadCheck): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    check.onChunk(chunk);
    yield chunk;
  }
}

async function putObject(s3: S3RouteContext, call: { req: IncomingMessage; res: ServerResponse; bucket: string; key: string; check: PayloadCheck }) {
  const { req, res, bucket, key, check } = call;
  const object = await s3.store.put({ vendor: "s3", bucket, key, body: tapped(req, check), maxBytes: MAX_OBJECT_BYTES, contentType: req.headers["content-type"] });
  const bad = check.verify(object.md5);
  if (bad) {
    await s3.store.delete(bucket, key);
    return sendS3Error(res, bad, `/${bucket}/${key}`);
  }
  res.writeHead(200, { ETag: `"${object.md5}"`, "Content-Length": 0 }).end();
}

async function uploadPart(s3: S3RouteContext, call: { res: ServerResponse; upload: S3Upload; partNumber: number; body: IncomingMessage; check: PayloadCheck }) {
  const { res, upload, partNumber, body, check } = call;
  const resource = `/${upload.bucket}/${upload.key}`;
  const scratch = await s3.store
    .putScratch(body, (chunk) => check.onChunk(chunk), S3_PART_LIMITS.maxPartSize)
    .catch((error: unknown) => {
      if (error instanceof EntityTooLargeError) return undefined;
      throw error;
    });
  if (!scratch) return sendS3Error(res, problem(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size."), resource);
  const bad = check.verify(scratch.md5);
  if (bad) {
    await rm(scratch.path, { force: true });
    return sendS3Error(res, bad, resource);
  }
  await s3.uploads.setPart(upload, { number: partNumber, path: scratch.path, size: scratch.size, md5: scratch.md5 });
  res.writeHead(200, { ETag: `"${scratch.md5}"`, "Content-Length": 0 }).end();
}

/**
 * CompleteMultipartUpload: the part list is checked first (400s); then S3 answers 200 at once and keeps the
 * connection alive with spaces while it assembles, so a later failure arrives as an <Error> inside the 200 body.
 */
async function completeUpload(s3: S3RouteContext, call: { req: IncomingMessage; res: ServerResponse; bucket: string; key: string; uploadId: string }) {
  const { req, res, bucket, key, uploadId } = call;
  const resource = `/${bucket}/${key}`;
  const check = payloadCheck(req.headers);
  if (isProblem(check)) return sendS3Error(res, check, resource);
  const chunks: Buffer[] = [];
  for await (const chunk of tapped(req, check)) chunks.push(Buffer.from(chunk));
  const body = Buffer.concat(chunks);
  const malformed = check.verify(createHash("md5").update(body).digest("hex"));
  if (malformed) return sendS3Error(res, malformed, resource);
  const upload = s3.uploads.find(uploadId, bucket, key);
  if (isProblem(upload)) return sendS3Error(res, upload, resource);
  const refs = parseCompleteParts(body.toString("utf8"));
  const parts = refs ? s3.uploads.check(upload, refs) : problem(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");
  if (isProblem(parts)) return sendS3Error(res, parts, resource);

  res.writeHead(200, { "Content-Type": "application/xml" });
  res.write(" ");
  const fault = s3.faults.takeRequestFault(S3_COMPLETE_AFTER_200_KEY);
  let outcome: StoredObject | Problem;
  if (fault?.kind === "fail") outcome = problem(fault.status, fault.code ?? "InternalError", fault.message ?? "We encountered an internal error. Please try again.");
  else {
    outcome = await s3.uploads.assemble(upload, parts).catch(() => problem(500, "InternalError", "We encountered an internal error. Please try again."));
  }
  if (isProblem(outcome)) {
    res.end(s3Document("Error", [element("Code", outcome.code), element("Message", outcome.message), element("Resource", resource)]).replace(/ xmlns="[^"]*"/, ""));
    return;
  }
  const etag = `"${s3.uploads.etag(outcome)}"`;
  res.end(s3Document("CompleteMultipartUploadResult", [element("Location", `${resource}`), element("Bucket", bucket), element("Key", key), element("ETag", etag)]));
}

async function getObject(s3: S3RouteContext, res: ServerResponse, bucket: string, key: string, withBody: boolean) {
  const object = s3.store.get(bucket, key);
  if (!object) {
    if (!withBody) return void res.writeHead(404).end();
    return sendS3Error(res, problem(404, "NoSuchKey", "The specified key does not exist."), `/${bucket}/${key}`);
  }
  res.writeHead(200, {
    "Content-Length": object.size,
    "Content-Type": object.contentType ?? "binary/octet-stream",
    ETag: `"${s3.uploads.etag(object)}"`,
    "Last-Modified": new Date(object.storedAt).toUTCString(),
    "Accept-Ranges": "bytes",
  });
  if (!withBody) return void res.end();
  await new Promise<void>((done, failed) => readObject(object).on("error", failed).pipe(res).on("finish", done));
}

/** ListMultipartUploads, one page (the sandbox never has more than a page in flight). */
function listUploads(s3: S3RouteContext, bucket: string, prefix: string): string {
  return s3Document("ListMultipartUploadsResult", [
    element("Bucket", bucket),
    element("Prefix", prefix),
    element("KeyMarker", ""),
    element("UploadIdMarker", ""),
    element("MaxUploads", 1000),
    element("IsTruncated", "false"),
    ...s3.uploads
      .inFlight(bucket, prefix)
      .map((upload) => element("Upload", [element("Key", upload.key), element("UploadId", upload.id), element("Initiated", new Date(upload.initiated).toISOString())])),
  ]);
}

function listParts(upload: S3Upload, query: URLSearchParams): string {
  const marker = Number(query.get("part-number-marker") ?? 0);
  const max = Math.min(Number(query.get("max-parts") ?? 1000), 1000);
  const all = [...upload.parts.values()].sort((a, b) => a.number - b.number).filter((part) => part.number > marker);
  const page = all.slice(0, max);
  return s3Document("ListPartsResult", [
    element("Bucket", upload.bucket),
    element("Key", upload.key),
    element("UploadId", upload.id),
    element("PartNumberMarker", marker),
    element("NextPartNumberMarker", page.at(-1)?.number ?? marker),
    element("MaxParts", max),
    element("IsTruncated", String(all.length > page.length)),
    ...page.map((part) =>
      element("Part", [
        element("PartNumber", part.number),
        element("LastModified", new Date(part.lastModified).toISOString()),
        element("ETag", `"${part.md5}"`),
        element("Size", part.size),
      ]),
    ),
  ]);
}
