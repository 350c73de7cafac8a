// One plain 1 GiB part PUT to the KooDrive sandbox, whose ingest streams the part to disk while verifying its SHA-256
// chain and computing its MD5 ETag: with the native addon (the sandbox the other benches use) vs its pure-JS SHA (the
// old path), both in their own process, rounds interleaved. Target: ≤ 0.4× the old time.
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { best, koodriveClient, MiB, plainPut, writeRandomFile } from "./koodrive-files.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";

const SIZE = 1024 * MiB;
const ROUNDS = 2;
const TARGET = 0.4;

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), "sandbox-ingest-bench-"));
  const native = await startSandboxProcess();
  const old = await startSandboxProcess({});
  try {
    const path = join(dir, "source.bin");
    await writeRandomFile(path, SIZE);
    const { fast, slow } = await best({ fast: () => plainPut(koodriveClient(native), path, SIZE), slow: () => plainPut(koodriveClient(old), path, SIZE) }, ROUNDS);
    const ratio = fast.partsSeconds / slow.partsSeconds;
    return [
      {
        name: "sandbox: one plain 1 GiB KooDrive part PUT, native-addon ingest vs the pure-JS one",
        value: fast.partsSeconds,
        baseline: slow.partsSeconds,
        ratio,
        target: TARGET,
        met: ratio <= TARGET,
        unit: "s",
        note: `wall clock, best of ${ROUNDS}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      },
    ];
  } finally {
    await Promise.all([native.stop(), old.stop()]);
    await rm(dir, { recursive: true, force: true });
  }
}
