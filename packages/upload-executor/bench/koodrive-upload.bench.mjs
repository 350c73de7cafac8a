// A 1 GiB KooDrive upload (create → URL batches → 8 MiB parts at concurrency 4 → complete) through the sandbox,
// against the larger of its two floors: hashing the same bytes with the midstate pass alone, and one plain PUT of the
// same bytes to the sandbox's storage node. The sandbox runs in its own process and verifies with the native addon.
// Target: ratio ≤ 1.10. Context: the CPU both processes spend on the upload, spread over the machine's cores: the
// shortest wall time the two could take together, which bounds what overlapping hashing and sending can reach.
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { nodeTransport, startMidstatePass, uploadToKoodrive } from "../dist/node.js";
import { best, koodriveClient, MiB, plainPut, withSource, writeRandomFile } from "./koodrive-files.mjs";
import { withCpu } from "./process-cpu.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";

const SIZE = 1024 * MiB;
const PART = 8 * MiB; // the flow's default part size
const ROUNDS = 2;
const TARGET = 1.1;

/** The hashing the flow does, alone: one pass with a state at every part start. */
function hashOnly(path) {
  const boundaries = Array.from({ length: SIZE / PART }, (_, i) => i * PART);
  return withSource(path, async (source) => (await startMidstatePass(source, boundaries, ["sha256"]).digests()).sha256);
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

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), "koodrive-bench-"));
  const sandbox = await startSandboxProcess();
  try {
    const path = join(dir, "source.bin");
    await writeRandomFile(path, SIZE);
    const koodrive = koodriveClient(sandbox);

    const { hash, put, flow } = await best(
      {
        hash: () => () => hashOnly(path),
        put: () => plainPut(koodrive, path, SIZE),
        // The upload's SHA-256 and the CPU seconds it cost, this process's and the sandbox's.
        flow: () => (marks) => withCpu(sandbox, () => upload(koodrive, path, marks)),
      },
      ROUNDS,
    );
    if (flow.value.result !== hash.value) throw new Error("the upload's SHA-256 differs from the hash pass's");
    const floor = Math.max(hash.seconds, put.partsSeconds);
    const note = `hash pass ${hash.seconds.toFixed(2)} s, plain PUT ${put.partsSeconds.toFixed(2)} s (${put.seconds.toFixed(2)} s with its complete), load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
    const row = (name, seconds) => ({ name, value: seconds, baseline: floor, ratio: seconds / floor, target: TARGET, met: seconds / floor <= TARGET, unit: "s", note });
    return [
      row("KooDrive 1 GiB upload (8 MiB parts × 4, native-addon sandbox in its own process) vs max(hash pass, one plain PUT)", flow.seconds),
      row("context: same upload until every part is stored, before complete (which checks the chain and moves the parts into place)", flow.partsSeconds),
      {
        ...row("context: the upload's CPU (uploader + sandbox) ÷ the machine's cores: its shortest possible wall time", flow.value.cpuSeconds / cpus().length),
        target: "",
        met: "",
      },
    ];
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
