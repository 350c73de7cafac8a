// Test-only helpers for the KooDrive and PDS flow tests: the real sandbox, its clients, and call recording.
import { createKoodriveClient, type KoodriveClient } from "@direct-upload/koodrive-client";
import { createPdsClient, type PdsClient } from "@direct-upload/pds-client";
import { allVendors, createPdsVendor, startSandbox, type FaultSpec, type PdsOptions, type Sandbox, type StoredObject } from "@direct-upload/sandbox";
import { expect } from "vitest";
import { sha256Hex } from "./flow.js";
import type { FlowCheckpoint } from "../../src/vendors/flow-types.js";

export interface MultipartSandbox {
  sandbox: Sandbox;
  koodrive: KoodriveClient;
  pds: PdsClient;
  driveId: string;
  /** Shifts the sandbox clock, and the KooDrive client's X-Date with it (KooDrive refuses a date from the future or > 15 min old). */
  setSkew(ms: number): void;
  stop(): Promise<void>;
}

/** Every sandbox vendor, PDS with `pds` (e.g. a domain without parallel upload). */
export async function startMultipartSandbox(pds: PdsOptions = {}): Promise<MultipartSandbox> {
  const sandbox = await startSandbox({ vendors: allVendors.map((vendor) => (vendor.name === "pds" ? createPdsVendor(pds) : vendor)) });
  const kd = sandbox.vendors.koodrive!;
  const pdsInfo = sandbox.vendors.pds!;
  let skewMs = 0;
  return {
    sandbox,
    koodrive: createKoodriveClient({ baseUrl: kd.baseUrl!, userId: kd.userId!, auth: { type: "bearer", token: kd.token! }, now: () => new Date(Date.now() + skewMs) }),
    pds: createPdsClient({ baseUrl: pdsInfo.baseUrl!, token: pdsInfo.token! }),
    driveId: pdsInfo.driveId!,
    setSkew(ms) {
      skewMs = ms;
      sandbox.setClockSkew(ms);
    },
    stop: () => sandbox.stop(),
  };
}

export interface RecordedCall {
  method: string;
  body: unknown;
}

/**
 * The same client with the calls of `methods` recorded (method and request body) and `after` run once each
 * returned: the requests still go to the sandbox unchanged.
 */
export function recording<Client extends object>(
  client: Client,
  methods: ReadonlyArray<keyof Client & string>,
  after?: (call: RecordedCall, index: number) => void,
): { client: Client; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const wrapped = { ...client } as Record<string, unknown>;
  for (const method of methods) {
    const fn = client[method] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = async (body: unknown, ...rest: unknown[]) => {
      const call = { method, body: structuredClone(body) };
      const result = await fn.call(client, body, ...rest);
      calls.push(call);
      after?.(call, calls.length - 1);
      return result;
    };
  }
  return { client: wrapped as Client, calls };
}

/** The one object `vendor` stored since `before` objects existed; checks its size and digest against `bytes`. */
export function expectStored(sandbox: Sandbox, vendor: "koodrive" | "pds" | "openim", before: number, bytes: Uint8Array): StoredObject {
  const objects = sandbox.objects.list().filter((o) => o.vendor === vendor);
  expect(objects).toHaveLength(before + 1);
  const stored = objects.at(-1)!;
  expect(stored.size).toBe(bytes.byteLength);
  expect(stored.sha256).toBe(sha256Hex(bytes));
  return stored;
}

export const storedCount = (sandbox: Sandbox, vendor: "koodrive" | "pds" | "openim") => sandbox.objects.list().filter((o) => o.vendor === vendor).length;

/** Checkpoints as the caller would persist them: JSON round-tripped. */
export function checkpointLog() {
  const saved: FlowCheckpoint[] = [];
  return { saved, onCheckpoint: (checkpoint: FlowCheckpoint) => void saved.push(JSON.parse(JSON.stringify(checkpoint)) as FlowCheckpoint) };
}

/**
 * Storage faults every multipart flow must survive byte-exact (armed on the vendor's part PUT route): a reset mid-part,
 * 503s, a 429 with Retry-After, expired URLs and a stalled body.
 */
export const STORAGE_FAULTS: Array<{ name: string; spec: FaultSpec }> = [
  { name: "a connection reset mid-part", spec: { kind: "reset", afterBytes: 1024 * 1024, times: 2 } },
  { name: "503 twice", spec: { kind: "fail", times: 2, status: 503, code: "ServiceUnavailable", message: "Please reduce your request rate." } },
  { name: "429 with Retry-After", spec: { kind: "fail", times: 1, status: 429, code: "SlowDown", retryAfterSeconds: 3 } },
  { name: "expired URLs", spec: { kind: "expire-urls", times: 2 } },
  { name: "a stalled body", spec: { kind: "stall", afterBytes: 256 * 1024 } },
];
