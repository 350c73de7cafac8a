import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MultipartCheckpoint } from "../core/multipart/checkpoint.js";
import { fromFile } from "../core/source-node.js";
import { sha256Hex, testBytes, testEngine } from "../../test/helpers/flow.js";
import { expectStored, startMultipartSandbox, storedCount, type MultipartSandbox } from "../../test/helpers/multipart.js";
import type { FlowCheckpoint } from "./flow-types.js";
import { koodriveVendor, openimVendor, pdsVendor } from "./index.js";

const child = fileURLToPath(new URL("../../test/helpers/multipart-crash-child.mjs", import.meta.url));
const dist = fileURLToPath(new URL("../../dist/node.js", import.meta.url));
const KiB = 1024;
const CONCURRENCY = 2;

const cases = [
  { vendor: "koodrive" as const, descriptor: koodriveVendor, partSize: 5 * KiB * KiB, parts: 7, tail: 4321, put: "koodrive.part-put" },
  { vendor: "pds" as const, descriptor: pdsVendor, partSize: 256 * KiB, parts: 12, tail: 99, put: "pds.part-put" },
  // OpenIM's part size comes from part_limit (MinIO: 5 MiB); its parts go to the sandbox S3 endpoint.
  { vendor: "openim" as const, descriptor: openimVendor, partSize: 5 * KiB * KiB, parts: 7, tail: 777, put: "s3.put" },
];

let env: MultipartSandbox;
let dir: string;
beforeAll(async () => {
  env = await startMultipartSandbox();
  dir = await mkdtemp(join(tmpdir(), "multipart-crash-"));
});
afterAll(async () => {
  await env.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Reads the checkpoint file until `ready` says so, failing if the child exits first. */
async function waitForCheckpoint(file: string, exited: () => string | undefined, ready: (checkpoint: FlowCheckpoint) => boolean): Promise<void> {
  for (;;) {
    const stopped = exited();
    if (stopped !== undefined) throw new Error(`the uploader exited before the kill: ${stopped}`);
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text && ready(JSON.parse(text) as FlowCheckpoint)) return;
    await sleep(20);
  }
}

describe.each(cases)("$vendor upload killed mid-way (SIGKILL) and resumed from its checkpoint file", ({ vendor, descriptor, partSize, parts, tail, put }) => {
  it("stores the exact bytes and sends no more than `concurrency` parts twice", async () => {
    expect(existsSync(dist), "the child process runs the built package: run `build` first").toBe(true);
    const bytes = testBytes((parts - 1) * partSize + tail, parts);
    const file = join(dir, `${vendor}.bin`);
    const checkpointFile = join(dir, `${vendor}.checkpoint.json`);
    await writeFile(file, bytes);
    const info = env.sandbox.vendors[vendor]!;
    const before = storedCount(env.sandbox, vendor);
    // Per-part PUT counts, taken as deltas: the sandbox is shared with the other cases of this file.
    const numbers = Array.from({ length: parts }, (_, i) => i + 1);
    const partHits = (n: number) => env.sandbox.faults.hits(`${put}#${n}`);
    const partHitsBefore = numbers.map(partHits);

    // Slow parts so the kill lands mid-upload.
    env.sandbox.faults.arm(put, { kind: "delay", ms: 250, times: 1000 });
    // The sandbox prints each vendor's setting values under the setting keys.
    const job = { vendor, file, checkpointFile, partSize, concurrency: CONCURRENCY, endpoint: info.baseUrl, settings: info };
    const uploader = spawn(process.execPath, [child, JSON.stringify(job)], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let exit: string | undefined;
    uploader.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => uploader.on("exit", (code, signal) => resolve(void (exit = `${signal ?? code} ${stderr}`))));
    try {
      await waitForCheckpoint(
        checkpointFile,
        () => exit,
        (checkpoint) => (checkpoint.state as MultipartCheckpoint).done.length >= 2,
      );
    } finally {
      uploader.kill("SIGKILL");
      await exited;
    }
    expect(exit).toMatch(/^SIGKILL/);
    env.sandbox.faults.clear();

    const saved = JSON.parse(await readFile(checkpointFile, "utf8")) as FlowCheckpoint;
    const done = (saved.state as MultipartCheckpoint).done.length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(parts);
    const putsAtResume = env.sandbox.faults.hits(put);
    const source = await fromFile(file);
    try {
      const upload = descriptor.connect(info.baseUrl!, info);
      const result = await upload({ source, resumeFrom: saved, concurrency: CONCURRENCY, engine: testEngine() });
      expect(result.sha256).toBe(sha256Hex(bytes));
    } finally {
      await source.close?.();
    }
    expectStored(env.sandbox, vendor, before, bytes);
    // The resume sent only what the checkpoint lacked; across both runs every part went at least once, and only
    // the parts in flight at the kill went twice.
    expect(env.sandbox.faults.hits(put) - putsAtResume).toBeLessThanOrEqual(parts - done);
    const sends = numbers.map((n, i) => partHits(n) - partHitsBefore[i]!);
    expect(sends.every((count) => count >= 1)).toBe(true);
    expect(sends.filter((count) => count >= 2).length).toBeLessThanOrEqual(CONCURRENCY);
    expect(Math.max(...sends)).toBeLessThanOrEqual(2);
  }, 60_000);
});
