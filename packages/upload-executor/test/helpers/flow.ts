// Test-only helpers shared by the OpenIM, CloudBase and HBR end-to-end tests against the sandbox.
import { createHash } from "node:crypto";
import type { EngineOptions } from "../../src/core/options.js";
import { instantClock } from "./instant-clock.js";
import { createNodeTransport } from "../../src/core/transport/node.js";

export { instantClock } from "./instant-clock.js";
export { progressLog } from "./progress-log.js";
export { testBytes } from "./test-bytes.js";

export const transport = createNodeTransport({ chunkSize: 64 * 1024 });

/** Node transport, retries without real backoff sleeps (delays are recorded on the clock), short watchdogs. */
export function testEngine(extra: Omit<EngineOptions, "clock"> = {}): EngineOptions & { clock: ReturnType<typeof instantClock> } {
  return { transport, stallTimeoutMs: 2_000, responseTimeoutMs: 5_000, ...extra, clock: instantClock() };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The edge sizes every form/PUT flow is checked with: around one 64-byte block, plus a multi-chunk body. */
export const EDGE_SIZES = [1, 63, 64, 65, 1024 * 1024 + 1];
