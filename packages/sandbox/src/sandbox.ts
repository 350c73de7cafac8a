import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ADMIN_PREFIX, handleAdmin } from "./server/admin.js";
import { FaultBook } from "./server/faults.js";
import { Router } from "./server/router.js";
import { validateRequestBody } from "./spec/spec-validator.js";
import { loadAddonCores } from "./midstate/addon-cores.js";
import { nobleCores } from "./midstate/hash-state.js";
import { createObjectStore } from "./storage/object-store.js";
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

export interface Sandbox {
  url: string;
  vendors: Partial<Record<VendorName, VendorInfo>>;
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

  const shared: Omit<SandboxContext, "validateRequest"> = {
    baseUrl: () => baseUrl,
    now,
    urlTtl: (routeKey, normalSeconds) => (faults.takeExpireUrls(routeKey) ? -1 : normalSeconds),
    store,
    shaCores: (options.midstateAddon === undefined ? undefined : loadAddonCores(options.midstateAddon)) ?? nobleCores,
    randomId: (bytes = 16) => randomBytes(bytes).toString("hex"),
    hits: (routeKey) => faults.hits(routeKey),
  };
  const modules = (options.vendors ?? allVendors).map((vendor) => {
    const validateRequest = (operationId: string, body: unknown) => validateRequestBody(vendor.name, operationId, body);
    return { name: vendor.name, ...vendor.start({ ...shared, validateRequest }) };
  });
  const router = new Router(modules.flatMap((m) => m.routes), faults, stopping.signal);
  const setSkew = (ms: number) => {
    skewMs = ms;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", baseUrl);
    const handled = url.pathname.startsWith(ADMIN_PREFIX)
      ? handleAdmin(req, res, url, { faults, store, setSkew }).then(() => true)
      : router.dispatch(req, res, url);
    handled
      .then((ok) => {
        if (!ok) res.writeHead(404, { "Content-Type": "text/plain" }).end(`no sandbox route for ${req.method} ${url.pathname}`);
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => done());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    vendors: Object.fromEntries(modules.map((m) => [m.name, m.info()])),
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
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
