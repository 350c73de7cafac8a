// Plain multipart upload of 1 GiB to the sandbox's S3 endpoint (sandbox in its own process), 8 MiB parts, 4 in
// flight: this package's engine over presigned part URLs (what the OpenIM multipart flow runs on, without its MD5
// pre-read) vs @aws-sdk/lib-storage's Upload with a default S3Client, each uploader in a process of its own, rounds
// interleaved. Targets: throughput ≥ 1.3× lib-storage's, peak RSS ≤ 0.5× its. The bench creates our upload and
// presigns its part and complete URLs before our process starts (lib-storage's CreateMultipartUpload, one small
// request, is inside its time); both times end with CompleteMultipartUpload answered.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, S3Client, UploadPartCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { MiB, writeRandomFile } from "./koodrive-files.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";

const SIZE = 1024 * MiB;
const PART_SIZE = 8 * MiB;
const CONCURRENCY = 4;
const ROUNDS = 2;
const THROUGHPUT_TARGET = 1.3;
const RSS_TARGET = 0.5;
/** Our CPU ÷ lib-storage's at which it does the same work 1.3× faster. */
const CPU_TARGET = 1 / THROUGHPUT_TARGET;
const uploader = fileURLToPath(new URL("./s3-uploader.mjs", import.meta.url));

/** Our side's upload, created and presigned (an hour) by the bench. */
async function presignedUpload(s3, client, key) {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: key }));
  const sign = (command) => getSignedUrl(client, command, { expiresIn: 3600 });
  const partUrls = await Promise.all(Array.from({ length: SIZE / PART_SIZE }, (_, i) => sign(new UploadPartCommand({ Bucket: s3.bucket, Key: key, UploadId, PartNumber: i + 1 }))));
  return { partUrls, completeUrl: await sign(new CompleteMultipartUploadCommand({ Bucket: s3.bucket, Key: key, UploadId })) };
}

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), "s3-peer-bench-"));
  const sandbox = await startSandboxProcess();
  const { s3 } = sandbox;
  // WHEN_REQUIRED: otherwise the presigner signs the CRC32 of an empty body into every part URL.
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  const load = [loadavg()[0]];
  try {
    const path = join(dir, "source.bin");
    await writeRandomFile(path, SIZE);
    const runs = { ours: [], libStorage: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of ["ours", "lib-storage"]) {
        const key = `s3-peer/${side}-${round}.bin`;
        const job = { side, path, key, partSize: PART_SIZE, concurrency: CONCURRENCY, s3, ...(side === "ours" ? await presignedUpload(s3, client, key) : {}) };
        const sandboxCpu = await sandbox.cpuSeconds();
        const { stdout } = await promisify(execFile)(process.execPath, [uploader, JSON.stringify(job)], { maxBuffer: MiB });
        const measured = { ...JSON.parse(stdout.trim().split("\n").at(-1)), sandboxCpuSeconds: (await sandbox.cpuSeconds()) - sandboxCpu };
        runs[side === "ours" ? "ours" : "libStorage"].push(measured);
      }
    }
    load.push(loadavg()[0]);
    const least = (list, field) => Math.min(...list.map((m) => m[field]));
    const most = (list, field) => Math.max(...list.map((m) => m[field]));
    const note = `load average ${load.map((l) => l.toFixed(1)).join("–")} on ${cpus().length} cores`;
    const throughput = (list) => SIZE / MiB / least(list, "seconds");
    const row = (name, value, baseline, unit, target, met, detail) => ({ name, value, baseline, ratio: value / baseline, target, met, unit, note: `${detail}; ${note}` });
    const ours = throughput(runs.ours);
    const theirs = throughput(runs.libStorage);
    const oursRss = most(runs.ours, "peak") / MiB;
    const theirsRss = most(runs.libStorage, "peak") / MiB;
    const cpu = [least(runs.ours, "cpuSeconds"), least(runs.libStorage, "cpuSeconds")];
    const sandboxCpu = [least(runs.ours, "sandboxCpuSeconds"), least(runs.libStorage, "sandboxCpuSeconds")];
    return [
      row(
        "S3 multipart 1 GiB (8 MiB × 4), our engine vs @aws-sdk/lib-storage Upload: throughput",
        ours,
        theirs,
        "MiB/s",
        THROUGHPUT_TARGET,
        ours / theirs >= THROUGHPUT_TARGET,
        `wall clock, best of ${ROUNDS}`,
      ),
      row("same uploads: peak RSS of the uploading process", oursRss, theirsRss, "MiB", RSS_TARGET, oursRss / theirsRss <= RSS_TARGET, `highest of ${ROUNDS}`),
      row("context: CPU of the uploading process (user + system)", cpu[0], cpu[1], "CPU-s", CPU_TARGET, cpu[0] / cpu[1] <= CPU_TARGET, `least of ${ROUNDS}; target 1 ÷ 1.3`),
      row(
        "context: the sandbox process's CPU for the same uploads (its S3 endpoint verifies what each client sends)",
        sandboxCpu[0],
        sandboxCpu[1],
        "CPU-s",
        "",
        "",
        `least of ${ROUNDS}; no target`,
      ),
    ];
  } finally {
    client.destroy();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
