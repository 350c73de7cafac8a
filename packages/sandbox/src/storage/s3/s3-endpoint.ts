import type { FaultBook } from "../../server/faults.js";
import type { Route, S3Endpoint, S3Keys } from "../../types.js";
import type { FileObjectStore } from "../object-store.js";
import { S3MultipartUploads } from "./multipart-uploads.js";
import { s3Routes } from "./s3-routes.js";

/** The bucket S3 clients get for their own objects; vendors add theirs (OpenIM's MinIO: "openim"). */
export const S3_CLIENT_BUCKET = "sandbox";

/** The S3 endpoint of one sandbox: its keys, buckets and uploads, the routes its listener serves, and the vendor view. */
export function createS3Endpoint(input: {
  store: FileObjectStore;
  faults: FaultBook;
  now: () => number;
  randomId: (bytes?: number) => string;
  url: () => string;
}): S3Endpoint & { routes: Route[] } {
  const keys: S3Keys = { accessKeyId: input.randomId(10).toUpperCase(), secretAccessKey: input.randomId(20), region: "us-east-1" };
  const buckets = new Set([S3_CLIENT_BUCKET]);
  const uploads = new S3MultipartUploads(input.store, input.now, input.randomId);
  return {
    url: input.url,
    keys,
    addBucket: (name) => void buckets.add(name),
    createMultipartUpload: ({ vendor, bucket, key, contentType }) => uploads.create(bucket, key, contentType, vendor).id,
    completeMultipartUpload: (uploadId, parts) => uploads.complete(uploadId, parts),
    etag: (object) => uploads.etag(object),
    routes: s3Routes({ keys, buckets, store: input.store, uploads, faults: input.faults, now: input.now }),
  };
}
