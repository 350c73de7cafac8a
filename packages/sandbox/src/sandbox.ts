import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ADMIN_PREFIX, handleAdmin } from "./server/admin.js";
import { FaultBook } from "./server/faults.js";
import { close, listen } from "./server/listen.js";
import { Router } from "./server/router.js";
import { validateRequestBody } from "./spec/spec-validator.js";
import { loadAddonCores } from "./midstate/addon-cores.js";
import { nobleCores } from "./midstate/hash-state.js";
import { createObjectStore } from "./storage/object-store.js";
import { createS3Endpoint, S3_CLIENT_BUCKET } from "./storage/s3/s3-endpoint.js";
import type { FaultSpec, SandboxContext, StoredObject, VendorDescriptor, VendorInfo } from "./types.js";
import { allVendors, type VendorName } from "./vendors/index.js";

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Where objects are written; a temp dir (removed on stop) when not given. */
  dataDir?: string;
  /** Base clock in ms (default Date.now); admin `POST /__sandbox/clock` adds a skew on top. */
  now?: () => number;
  /** Faults armed before the first request, by route key. */
  faults?: Record<string, FaultSpec | FaultSpec[]>;
  /** Vendors to serve (default: every vendor of the registry, `allVendors`). */
  vendors?: readonly VendorDescriptor[];
  /**
   * Path of a chained-SHA N-API addon (the upload executor's native/prebuilds/<platform>-<arch>/direct_upload_midstate.node):
   * multipart parts are then verified with OpenSSL instead of pure-JS SHA, about 10× less CPU. Ignored if it fails to load.
   */
  midstateAddon?: string;
}

export interface SandboxObjects {
  list(): StoredObject[];
  /** The object's record (size, digests, path) by bucket, or by vendor name when no bucket of that name holds it. */
  get(bucketOrVendor: string, key: string): StoredObject | undefined;
  /** Streams a stored object's bytes. */
  read(bucket: string, key: string): NodeJS.ReadableStream;
  /** Reads a (small) stored object whole. */
  bytes(bucket: string, key: string): Promise<Buffer>;
}

/** The sandbox's S3 endpoint (its own port, path-style), as S3 clients (lib-storage, minio) are configured. */
export interface SandboxS3Info {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** A bucket for S3 clients' own objects. */
  bucket: string;
}

export interface Sandbox {
  url: string;
  vendors: Partial<Record<VendorName, VendorInfo>>;
  /** Not a vendor: the object store OpenIM's MinIO is, and the common ground for plain S3 clients. */
  s3: SandboxS3Info;
  objects: SandboxObjects;
  faults: { arm(routeKey: string, spec: FaultSpec | FaultSpec[]): void; clear(): void; hits(routeKey: string): number };
  /** Shifts the sandbox clock (same as admin POST /__sandbox/clock). */
  setClockSkew(ms: number): void;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), "direct-upload-sandbox-"));
  const baseClock = options.now ?? Date.now;
  let skewMs = 0;
  const now = () => baseClock() + skewMs;
  const faults = new FaultBook();
  for (const [key, spec] of Object.entries(options.faults ?? {})) faults.arm(key, spec);
  const store = createObjectStore(dataDir, now);
  const stopping = new AbortController();
  let baseUrl = "";
  let s3Url = "";
  const randomId = (bytes = 16) => randomBytes(bytes).toString("hex");
  const s3 = createS3Endpoint({ store, faults, now, randomId, url: () => s3Url });

  const shared: Omit<SandboxContext, "validateRequest"> = {
    baseUrl: () => baseUrl,
    now,
    urlTtl: (routeKey, normalSeconds) => (faults.takeExpireUrls(routeKey) ? -1 : normalSeconds),
    store,
    shaCores: (options.midstateAddon === undefined ? undefined : loadAddonCores(options.midstateAddon)) ?? nobleCores,
    s3,
    randomId,
    hits: (routeKey) => faults.hits(routeKey),
  };
  const modules = (options.vendors ?? allVendors).map((vendor) => {
    const validateRequest = (operationId: string, body: unknown) => validateRequestBody(vendor.name, operationId, body);
    return { name: vendor.name, ...vendor.start({ ...shared, validateRequest }) };
  });
  const router = new Router(
    modules.flatMap((m) => m.routes),
    faults,
    stopping.signal,
  );
  const setSkew = (ms: number) => {
    skewMs = ms;
  };

  const s3Router = new Router(s3.routes, faults, stopping.signal);
  const answer = (req: IncomingMessage, res: ServerResponse, handled: Promise<boolean>, url: URL) => {
    handled
      .then((ok) => {
        if (!ok) res.writeHead(404, { "Content-Type": "text/plain" }).end(`no sandbox route for ${req.method} ${url.pathname}`);
      })
      .catch(() => res.destroy());
  };
  const host = options.host ?? "127.0.0.1";
  const main = await listen(host, options.port ?? 0, (req, res) => {
    const url = new URL(req.url ?? "/", baseUrl);
    answer(req, res, url.pathname.startsWith(ADMIN_PREFIX) ? handleAdmin(req, res, url, { faults, store, setSkew }).then(() => true) : router.dispatch(req, res, url), url);
  });
  baseUrl = main.url;
  // The S3 endpoint has a port of its own: S3 clients address buckets at the root of their endpoint.
  const s3Listener = await listen(host, 0, (req, res) => {
    const url = new URL(req.url ?? "/", s3Url);
    answer(req, res, s3Router.dispatch(req, res, url), url);
  });
  s3Url = s3Listener.url;

  return {
    url: baseUrl,
    vendors: Object.fromEntries(modules.map((m) => [m.name, m.info()])),
    s3: { endpoint: s3Url, ...s3.keys, bucket: S3_CLIENT_BUCKET },
    objects: {
      list: () => store.list(),
      get: (bucketOrVendor, key) => store.get(bucketOrVendor, key) ?? store.list().find((o) => o.vendor === bucketOrVendor && o.key === key),
      read: (bucket, key) => store.read(bucket, key),
      bytes: async (bucket, key) => {
        const chunks: Buffer[] = [];
        for await (const chunk of store.read(bucket, key) as AsyncIterable<Buffer>) chunks.push(chunk);
        return Buffer.concat(chunks);
      },
    },
    faults: { arm: (key, spec) => faults.arm(key, spec), clear: () => faults.clear(), hits: (key) => faults.hits(key) },
    setClockSkew: setSkew,
    async stop() {
      stopping.abort();
      await Promise.all([close(main.server), close(s3Listener.server)]);
      await store.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
