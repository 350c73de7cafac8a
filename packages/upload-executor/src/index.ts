// Universal entry (Node and browsers): must not statically import node: modules.
export * from "./core/source.js";
export * from "./core/hash/index.js";
export {
  UploadAbortedError,
  NetworkError,
  StallError,
  ResponseTimeoutError,
  PlanError,
  CheckpointMismatchError,
  InvalidUploadUrlError,
  StorageRedirectError,
} from "./core/errors.js";
export { StorageError, parseStorageError, storageErrorFrom, describeUrl, type StorageErrorInit } from "./core/storage-error.js";
export { classifyFailure, isExpiry, isThrottling, type FailureKind } from "./core/classify.js";
export { fullJitterDelay, parseRetryAfter, systemClock, type Clock, type BackoffOptions } from "./core/backoff.js";
export { withRetries, retryDelay, defaultRetryOptions, type RetryOptions, type RetryContext } from "./core/retry.js";
export { createConcurrencyLimit, type ConcurrencyLimit } from "./core/concurrency.js";
export { runPool } from "./core/pool.js";
export { ProgressTracker, type UploadProgress } from "./core/progress.js";
export { layoutParts, checkPartLayout, partSizeAdjustment, type PartLayout, type PartSizing, type LaidOutParts } from "./core/part-layout.js";
export type { PutPlan, FormPlan, MultipartPlan, UploadPlan, PartRequest, PartTarget, Target } from "./core/plan.js";
export type { EngineOptions, UploadWarning } from "./core/options.js";
export { sendWatched, defaultWatchdogOptions, type WatchdogOptions } from "./core/watchdog.js";
export { uploadPut, uploadForm, type SingleUploadResult } from "./core/single-request.js";
export { uploadMultipart, type MultipartOptions, type MultipartResult } from "./core/multipart/engine.js";
export { verifyCheckpoint, type MultipartCheckpoint, type UploadedPart } from "./core/multipart/checkpoint.js";
export type { MidstateProvider } from "./core/multipart/midstates.js";
export { executePlan } from "./core/execute.js";
export { createXhrTransport } from "./core/transport/xhr.js";
export type { HttpTransport, TransportRequest, TransportResponse, RequestBody, RangeBody, FormBody } from "./core/transport/types.js";
export * from "./vendors/index.js";
