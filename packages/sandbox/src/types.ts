import type { IncomingMessage, ServerResponse } from "node:http";
import type { Problem } from "./problem.js";
import type { ShaCores } from "./midstate/hash-state.js";

/** A fault armed on one route key (e.g. "koodrive.part-put"); see faults.ts for how each is applied. */
export type FaultSpec =
  | { kind: "fail"; times: number; status: number; code?: string; message?: string; retryAfterSeconds?: number }
  | { kind: "reset"; afterBytes: number; times?: number }
  | { kind: "delay"; ms: number; times?: number }
  | { kind: "stall"; afterBytes?: number; times?: number }
  /** Reads (and discards) the whole body but never answers, so a client that gives up is seen hanging up. */
  | { kind: "hold"; times?: number }
  /** The request is handled as usual (body read, object stored) but its answer leaves only after `ms`. */
  | { kind: "slow-answer"; ms: number; times?: number }
  | { kind: "expire-urls"; times?: number }
  /** Hostile replies (see server/reply-faults.ts). This exact answer instead of the handler's. */
  | { kind: "reply"; status?: number; headers?: Record<string, string>; body: string | Uint8Array; times?: number }
  /** The handler's JSON answer with values set (or removed, `undefined`) at JSON pointers, e.g. {"/data/url": "file:///x"}. */
  | { kind: "edit-reply"; set: Record<string, unknown>; times?: number }
  /** A redirect to `location` (another origin, say) instead of the answer. */
  | { kind: "redirect"; location: string; status?: number; times?: number }
  /** The handler's answer, headers and its first `afterBytes` body bytes only, then the connection stalls or is reset. */
  | { kind: "cut-reply"; afterBytes: number; then: "stall" | "reset"; times?: number }
  /** A 200 JSON answer of `bytes` bytes, streamed. */
  | { kind: "huge-reply"; bytes: number; times?: number };

export interface StoredObject {
  /** Name of the vendor that stored it (`VendorName` of the registry for the built-in ones). */
  vendor: string;
  bucket: string;
  key: string;
  size: number;
  sha256: string;
  /** Set for single-request uploads, and for multipart objects whose part chain was SHA-1 (PDS). */
  sha1: string | undefined;
  /** Set for single-request uploads; objects assembled from parts have none, as on S3/OSS/OBS (ETag "md5-N"). */
  md5: string | undefined;
  /**
   * The files whose concatenation is the object: one for a single-request upload; the part files, moved into place
   * as uploaded, for a multipart one (completing a 1 GiB upload renames parts instead of copying them).
   */
  files: readonly string[];
  contentType: string | undefined;
  storedAt: number;
}

/** An object stored by one request: every digest was computed while it streamed in. */
export type SingleObject = StoredObject & { sha1: string; md5: string };

/** Keys of the sandbox S3 endpoint (its own listener, path-style `{url}/{bucket}/{key}`), as S3 clients take them. */
export interface S3Keys {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** A part of an S3 multipart upload named in a complete call: number and ETag (quotes optional). */
export interface S3PartRef {
  number: number;
  etag: string;
}

/** The sandbox's S3 endpoint as a vendor uses it: what OpenIM's server does with its MinIO. */
export interface S3Endpoint {
  /** e.g. http://127.0.0.1:40124 (no trailing slash). */
  url(): string;
  readonly keys: S3Keys;
  /** Serves a bucket (idempotent). */
  addBucket(name: string): void;
  /** CreateMultipartUpload on behalf of `vendor` (the stored object's vendor); returns the upload id. */
  createMultipartUpload(input: { vendor: string; bucket: string; key: string; contentType?: string }): string;
  /** CompleteMultipartUpload: the stored object, or S3's Problem (NoSuchUpload, InvalidPart, EntityTooSmall...). */
  completeMultipartUpload(uploadId: string, parts: readonly S3PartRef[]): Promise<StoredObject | Problem>;
  /** The ETag S3 reports for a stored object: its MD5, or md5-of-part-md5s "-N" for a multipart one. */
  etag(object: StoredObject): string;
}

/** Everything a vendor gets from the sandbox framework. */
export interface SandboxContext {
  /** Base URL of the running server, e.g. http://127.0.0.1:40123 (no trailing slash). */
  baseUrl(): string;
  /** Sandbox clock in ms since epoch: real time plus the configured skew. */
  now(): number;
  /** Lifetime in seconds for URLs issued by a vendor; returns a short or negative one while an expire-urls fault is armed. */
  urlTtl(routeKey: string, normalSeconds: number): number;
  store: ObjectStore;
  /** The SHA code multipart ingest verifies midstate chains with: the addon of SandboxOptions.midstateAddon, else noble. */
  shaCores: ShaCores;
  /** The S3 endpoint (MinIO for OpenIM). */
  s3: S3Endpoint;
  /** Validates a JSON request body against this vendor's bundled spec; returns human-readable problems (empty = valid). */
  validateRequest(operationId: string, body: unknown): string[];
  /** Stable per-sandbox random hex of `bytes` length, for ids. */
  randomId(bytes?: number): string;
  /** Request counter per route key (for tests that assert how often a part was sent). */
  hits(routeKey: string): number;
}

export interface ObjectStore {
  /** Absolute path for bucket/key under dataDir; throws PathTraversalError if it would escape. */
  resolve(bucket: string, key: string): string;
  /**
   * Streams `body` to a temp file inside dataDir while hashing it (sha256, sha1, md5), enforcing maxBytes, then
   * renames it into place and records it. Nothing is buffered whole. On error the temp file is removed.
   * A body over maxBytes throws EntityTooLargeError, one under minBytes EntityTooSmallError (nothing is recorded).
   */
  put(input: {
    vendor: string;
    bucket: string;
    key: string;
    body: AsyncIterable<Uint8Array>;
    maxBytes?: number;
    minBytes?: number;
    contentType?: string | undefined;
  }): Promise<SingleObject>;
  /**
   * Streams `body` to a scratch file (for multipart parts); `onChunk` sees every chunk in order. Only its MD5 (lower-case
   * hex, the part's ETag) is computed, off the main thread.
   */
  putScratch(body: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => void, maxBytes?: number): Promise<{ path: string; size: number; md5: string }>;
  /**
   * Moves scratch part files under bucket/key (in order), records and returns the object. `known` carries the
   * digests the caller computed from the part bytes (a verified midstate chain); only a missing SHA-256 is computed,
   * by reading the parts once.
   */
  assemble(input: { vendor: string; bucket: string; key: string; parts: string[]; contentType?: string; known: { sha256?: string; sha1?: string } }): Promise<StoredObject>;
  get(bucket: string, key: string): StoredObject | undefined;
  list(): StoredObject[];
  /** Removes an object and its record; false when it did not exist. Optional so test stand-ins may omit it. */
  delete?(bucket: string, key: string): Promise<boolean>;
}

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

/** Writes a Problem in one vendor's (or storage's) error shape. */
export type ErrorWriter = (res: ServerResponse, problem: Problem) => void;

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD";
  /** Path pattern with :named segments and an optional trailing * (captured as params["*"]). */
  path: string;
  /** Fault-injection and hit-count key, e.g. "openim.initiate_form_data" or "koodrive.part-put". */
  key: string;
  /** Writes this route's error shape for an injected "fail" fault or a failed handler. */
  sendError: ErrorWriter;
  handle(request: RouteRequest): Promise<void>;
}

/** Connection info a vendor prints: `baseUrl` plus what an uploader needs, under the upload settings' key names. */
export type VendorInfo = { baseUrl: string } & Record<string, string>;

/** What a vendor serves in one sandbox: its routes, and its connection info (printed by the bin). */
export interface VendorModule {
  routes: Route[];
  info(): VendorInfo;
}

/** One vendor of the sandbox; `src/vendors/index.ts` lists them. */
export interface VendorDescriptor<Name extends string = string> {
  readonly name: Name;
  /** Creates the vendor's state for one sandbox (random credentials, uploads in flight) and what it serves. */
  start(ctx: SandboxContext): VendorModule;
}
