// A 1 GiB KooDrive upload (create → URL batches → 8 MiB parts at concurrency 4 → complete) through the sandbox,
// against the larger of its two floors: hashing the same bytes with the midstate pass alone, and one plain PUT of the
// same bytes to the sandbox's storage node. The sandbox runs in its own process. Target: ratio ≤ 1.15.
import { randomFillSync } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { request } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { fromFile, nodeTransport, startMidstatePass, uploadToKoodrive } from "../dist/node.js";
import { startSandboxProcess } from "./sandbox-process.mjs";

const MiB = 1024 * 1024;
const SIZE = 1024 * MiB;
const PART = 8 * MiB; // the flow's default part size
const ROUNDS = 2;
const TARGET = 1.15;

async function writeRandomFile(path) {
  const file = await open(path, "w");
  const chunk = new Uint8Array(16 * MiB);
  for (let offset = 0; offset < SIZE; offset += chunk.byteLength) await file.write(randomFillSync(chunk));
  await file.close();
}

async function withSource(path, use) {
  const source = await fromFile(path);
  try {
    return await use(source);
  } finally {
    await source.close();
  }
}

/** The hashing the flow does, alone: one pass with a state at every part start. */
function hashOnly(path) {
  const boundaries = Array.from({ length: SIZE / PART }, (_, i) => i * PART);
  return withSource(path, async (source) => (await startMidstatePass(source, boundaries, ["sha256"]).digests()).sha256);
}

/**
 * A signed URL for the whole file as one part (untimed), then one streamed PUT of it, no hashing on this side
 * (marked when stored), then complete (so the sandbox assembles the object, as it does at the end of the flow).
 */
async function plainPut(client, path) {
  const { fileId } = await client.createFile({ fileName: "baseline.bin", fileType: "45", parentFolder: ["root"], length: SIZE, uploadMode: "multipart", uploadType: 1, autoRename: 2 });
  const { multiParts } = await client.getMultipartUploadUrl({ fileId, multiParts: [{ partNumber: 1, partSize: SIZE, partOffset: 0 }] });
  return async (marks) => {
    await new Promise((resolve, reject) => {
      const req = request(multiParts[0].uploadUrl, { method: "PUT", headers: { "content-length": String(SIZE) } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`the plain PUT got HTTP ${res.statusCode}`))));
      });
      req.on("error", reject);
      createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(req);
    });
    marks.partsStored = process.hrtime.bigint();
    await client.completeFile({ fileId });
  };
}

/** The whole flow; also notes when every part is stored (complete then only makes the sandbox assemble the object). */
function upload(client, path, marks) {
  const timed = {
    ...client,
    completeFile(...args) {
      marks.partsStored = process.hrtime.bigint();
      return client.completeFile(...args);
    },
  };
  return withSource(path, async (source) => (await uploadToKoodrive({ client: timed, source, name: "bench.bin", engine: { transport: nodeTransport } })).sha256);
}

const since = (start, end = process.hrtime.bigint()) => Number(end - start) / 1e9;

/**
 * Best of ROUNDS wall-clock seconds for each contender, rounds interleaved so that the sandbox's growing disk use
 * weighs on all alike. A contender's `prepare` (untimed) returns the timed step, which gets the round's marks.
 */
async function best(contenders) {
  const fastest = Object.fromEntries(Object.keys(contenders).map((name) => [name, { seconds: Infinity }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, prepare] of Object.entries(contenders)) {
      const step = await prepare();
      const marks = {};
      const start = process.hrtime.bigint();
      const value = await step(marks);
      const seconds = since(start);
      if (seconds < fastest[name].seconds) fastest[name] = { seconds, value, partsSeconds: marks.partsStored && since(start, marks.partsStored) };
    }
  }
  return fastest;
}

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), "koodrive-bench-"));
  const sandbox = await startSandboxProcess();
  try {
    const path = join(dir, "source.bin");
    await writeRandomFile(path);
    const info = sandbox.vendors.koodrive;
    const client = createKoodriveClient({ baseUrl: info.baseUrl, userId: info.userId, auth: { type: "bearer", token: info.token } });

    const { hash, put, flow } = await best({
      hash: () => () => hashOnly(path),
      put: () => plainPut(client, path),
      flow: () => (marks) => upload(client, path, marks),
    });
    if (flow.value !== hash.value) throw new Error("the upload's SHA-256 differs from the hash pass's");
    const floor = Math.max(hash.seconds, put.partsSeconds);
    const note = `hash pass ${hash.seconds.toFixed(2)} s, plain PUT ${put.partsSeconds.toFixed(2)} s (${put.seconds.toFixed(2)} s with its complete), load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
    const row = (name, seconds) => ({ name, value: seconds, baseline: floor, ratio: seconds / floor, target: TARGET, met: seconds / floor <= TARGET, unit: "s", note });
    return [
      row("KooDrive 1 GiB upload (8 MiB parts × 4, sandbox in its own process) vs max(hash pass, one plain PUT)", flow.seconds),
      row("context: same upload until every part is stored, before complete (which checks the chain and moves the parts into place)", flow.partsSeconds),
    ];
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
