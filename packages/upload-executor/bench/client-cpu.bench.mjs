// Client CPU per GiB: KooDrive and PDS (SHA-1) uploads of one 1 GiB file to the bench-only storage sink, in CPU
// seconds (user + system) of this process, against the chained hash alone on the same file in the same run. Also the
// PDS pass itself (SHA-1 states + the reported SHA-256, one read) against node:crypto doing both on the same reads,
// and, as context, a plain multipart upload of the file (no hashing): the floor that sending adds to an upload.
// Best of ROUNDS each, rounds interleaved. Targets: uploads ≤ 1.3× the chained hash; the PDS pass ≤ 1.05× OpenSSL.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layoutParts, midstateHasherKind, nodeTransport, startMidstatePass, uploadMultipart, uploadToKoodrive, uploadToPds } from "../dist/node.js";
import { MiB, withSource, writeRandomFile } from "./koodrive-files.mjs";
import { cpuSince } from "./process-cpu.mjs";
import { startStorageSink } from "./storage-sink.mjs";

const SIZE = 1024 * MiB;
const PART = 8 * MiB;
const CHUNK = 4 * MiB; // the pass's read chunk
const ROUNDS = 2;
const UPLOAD_TARGET = 1.3;
const PASS_TARGET = 1.05;

const boundaries = Array.from({ length: SIZE / PART }, (_, i) => i * PART);
const pass = (path, algorithms, digests) => () => withSource(path, async (source) => startMidstatePass(source, boundaries, algorithms, { digests }).digests());

/** The same file as a plain multipart upload to the sink (same parts, no hashing): what sending alone costs. */
const plainUpload = (path, sink) => () =>
  withSource(path, async (source) => {
    const { parts } = layoutParts(SIZE, { minPartSize: PART, maxPartSize: PART, maxParts: 10_000, preferredPartSize: PART });
    const getPartTargets = async (requests) => requests.map((r) => ({ partNumber: r.number, url: `${sink.url}/plain/${r.number}`, method: "PUT" }));
    return uploadMultipart(source, { kind: "multipart", parts, getPartTargets }, { transport: nodeTransport });
  });

/** node:crypto SHA-1 and SHA-256 over the same 4 MiB reads the pass makes. */
const openSsl = (path) => () =>
  withSource(path, async (source) => {
    const sha1 = createHash("sha1");
    const sha256 = createHash("sha256");
    for (let offset = 0; offset < SIZE; offset += CHUNK) {
      const bytes = await source.read(offset, Math.min(offset + CHUNK, SIZE));
      sha1.update(bytes);
      sha256.update(bytes);
    }
    return { sha1: sha1.digest("hex"), sha256: sha256.digest("hex") };
  });

/** Least CPU seconds over ROUNDS for each contender, rounds interleaved; the values of each must agree. */
async function leastCpu(contenders) {
  const least = Object.fromEntries(Object.keys(contenders).map((name) => [name, Infinity]));
  const values = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, step] of Object.entries(contenders)) {
      const start = process.cpuUsage();
      const value = await step();
      least[name] = Math.min(least[name], cpuSince(start));
      values[name] = value;
    }
  }
  return { least, values };
}

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), "client-cpu-bench-"));
  const sink = await startStorageSink();
  try {
    const path = join(dir, "source.bin");
    await writeRandomFile(path, SIZE);
    const engine = { transport: nodeTransport };
    const upload =
      (flow, client, extra = {}) =>
      () =>
        withSource(path, (source) => flow({ client, source, name: "cpu.bin", partSize: PART, engine, ...extra }));
    const { least, values } = await leastCpu({
      sha256Chain: pass(path, ["sha256"]),
      koodrive: upload(uploadToKoodrive, sink.koodrive()),
      sha1Chain: pass(path, ["sha1"]),
      pds: upload(uploadToPds, sink.pds(), { driveId: "d" }),
      pdsPass: pass(path, ["sha1"], ["sha256"]),
      openSsl: openSsl(path),
      plain: plainUpload(path, sink),
    });
    if (values.koodrive.sha256 !== values.sha256Chain.sha256 || values.pds.sha256 !== values.openSsl.sha256 || values.pdsPass.sha1 !== values.openSsl.sha1) {
      throw new Error("the uploads' digests differ from the hash passes'");
    }
    const gib = SIZE / (1024 * MiB);
    const note = `CPU s per GiB (user + system of the uploading process), best of ${ROUNDS}; midstate hasher: ${midstateHasherKind()}; the sink runs in its own process`;
    const row = (name, value, baseline, target) => ({
      name,
      value: value / gib,
      baseline: baseline / gib,
      ratio: value / baseline,
      target,
      met: value / baseline <= target,
      unit: "CPU-s/GiB",
      note,
    });
    return [
      row("client CPU, KooDrive 1 GiB upload to the sink ÷ the chained SHA-256 pass alone", least.koodrive, least.sha256Chain, UPLOAD_TARGET),
      row("client CPU, PDS SHA-1 1 GiB upload to the sink ÷ the chained SHA-1 pass alone", least.pds, least.sha1Chain, UPLOAD_TARGET),
      row("PDS SHA-1 pass (SHA-1 states + reported SHA-256, one read) ÷ node:crypto SHA-1 + SHA-256 on the same reads", least.pdsPass, least.openSsl, PASS_TARGET),
      {
        ...row("context: the same file as a plain multipart upload to the sink (no hashing) ÷ the chained SHA-256 pass: sending's own cost", least.plain, least.sha256Chain, ""),
        met: "",
      },
    ];
  } finally {
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
