// Peak RSS of a process uploading 4 GiB to KooDrive (the sandbox, in its own process) at concurrency 4 × 16 MiB
// parts, from a synthetic source generated per range (with readInto, as fromFile has, so the upload reads into its
// pool of reused buffers). Target: ≤ 100 MiB. Baseline: the same process's RSS once the package and client are
// loaded, before the upload starts (so the client's first fetch, which loads undici, counts in the peak).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSandboxProcess } from "./sandbox-process.mjs";

const MiB = 1024 * 1024;
const SIZE = 4096 * MiB;
const TARGET_MIB = 100;
const uploader = fileURLToPath(new URL("./memory-uploader.mjs", import.meta.url));

export async function run() {
  const sandbox = await startSandboxProcess();
  try {
    const { baseUrl, userId, token } = sandbox.vendors.koodrive;
    const job = { baseUrl, userId, token, size: SIZE, partSize: 16 * MiB, concurrency: 4 };
    const { stdout } = await promisify(execFile)(process.execPath, [uploader, JSON.stringify(job)], { maxBuffer: MiB });
    const measured = JSON.parse(stdout.trim().split("\n").at(-1));
    if (measured.bytes !== SIZE) throw new Error(`the uploader reported ${measured.bytes} bytes, not ${SIZE}`);
    const peak = measured.peak / MiB;
    const before = measured.before / MiB;
    return [
      {
        name: "peak RSS, 4 GiB KooDrive upload at 4 × 16 MiB parts (uploader in its own process)",
        value: peak,
        baseline: before,
        ratio: peak / before,
        target: TARGET_MIB,
        met: peak <= TARGET_MIB,
        unit: "MiB",
        note: "baseline = RSS after loading the package, before the upload; target applies to value",
      },
    ];
  } finally {
    await sandbox.stop();
  }
}
