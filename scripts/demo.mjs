#!/usr/bin/env node
// `pnpm demo`: builds every package, starts the sandbox, uploads three generated files through every vendor flow
// with the real `direct-upload` binary, re-hashes every stored object and compares it with its source.
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { styleText } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };
const MiB = 1024 * 1024;
const SAMPLES = [
  { name: "note-1KiB.txt", size: 1024 },
  { name: "photo-5MiB.jpg", size: 5 * MiB },
  { name: "video-64MiB.mp4", size: 64 * MiB },
];
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const style = (format, text) => (color ? styleText(format, text) : text);
const say = (text) => console.log(`\n${style("bold", text)}`);

say("1/5 Building");
execFileSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "inherit", env });

const { startSandbox } = await import(pathToFileURL(join(root, "packages/sandbox/dist/index.js")).href);
const { sandboxConnection } = await import(pathToFileURL(join(root, "packages/cli/dist/index.js")).href);
const bin = join(root, "packages/cli/dist/bin.js");

/** Random bytes written in 1 MiB chunks, hashed on the way. */
async function writeSample(dir, { name, size }) {
  const path = join(dir, name);
  const hash = createHash("sha256");
  const handle = await open(path, "w");
  for (let written = 0; written < size; written += MiB) {
    const chunk = randomBytes(Math.min(MiB, size - written));
    hash.update(chunk);
    await handle.write(chunk);
  }
  await handle.close();
  return { name, size, path, sha256: hash.digest("hex") };
}

/** Runs `direct-upload upload ... --json` in `dir`: progress goes straight to this terminal, the JSON lines come back. */
function upload(dir, files, connection) {
  const args = [bin, "upload", ...files.map((file) => file.name), ...connection.args, "--json"];
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, ...connection.env }, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("close", (code) =>
      done({
        code,
        lines: stdout
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line)),
      }),
    );
  });
}

/** SHA-256 of the bytes the sandbox really stored, read back through its objects API. */
async function storedSha256(sandbox, object) {
  const hash = createHash("sha256");
  for await (const chunk of sandbox.objects.read(object.bucket, object.key)) hash.update(chunk);
  return hash.digest("hex");
}

/** OpenIM has two paths (auto: multipart above 5 MiB); its multipart objects are stored by content hash. */
const uploadPath = (vendor, object) => (vendor !== "openim" ? "" : object?.key.startsWith("openim/data/hash/") ? "multipart" : "form");

const formatRate = (mibPerSecond) => (mibPerSecond >= 0.1 ? mibPerSecond.toFixed(1) : "<0.1");
const formatSize = (bytes) => (bytes >= MiB ? `${(bytes / MiB).toFixed(0)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`);

function printTable(rows) {
  const header = ["vendor", "file", "size", "MiB/s", "path", "verified"];
  const cells = rows.map((row) => [row.vendor, row.file, formatSize(row.size), row.rate, row.path, row.verified ? "✔ sha256" : "✖ FAILED"]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i].length)));
  const line = (cell) => cell.map((text, i) => (i === 2 || i === 3 ? text.padStart(widths[i]) : text.padEnd(widths[i]))).join("  ");
  console.log(style("bold", line(header)));
  for (const [i, cell] of cells.entries()) {
    const text = line(cell);
    console.log(rows[i].verified ? text.replace("✔ sha256", style("green", "✔ sha256")) : style("red", text));
  }
}

const sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
const dir = await mkdtemp(join(tmpdir(), "direct-upload-demo-"));
const rows = [];
let failed = false;
const started = performance.now();
try {
  say(`2/5 Sandbox listening on ${sandbox.url}`);
  say(`3/5 Generating ${SAMPLES.map((sample) => formatSize(sample.size)).join(", ")} of random bytes in ${dir}`);
  const files = [];
  for (const sample of SAMPLES) files.push(await writeSample(dir, sample));

  say("4/5 Uploading with direct-upload, one vendor flow at a time");
  // Ctrl-C reaches the CLI child too: it saves its state and exits 130, and the cleanup below still runs.
  process.on("SIGINT", () => {});
  const connections = sandboxConnection(sandbox.vendors);
  for (const connection of connections) {
    console.log(`\n${style("cyan", "$")} direct-upload upload ${files.map((f) => f.name).join(" ")} ${connection.args.join(" ")} --json`);
    const { code, lines } = await upload(dir, files, connection);
    if (code !== 0) failed = true;
    if (code === 130) break;
    for (const file of files) {
      const line = lines.find((l) => l.file === file.name);
      const object = sandbox.objects.list().find((o) => o.vendor === connection.vendor && o.size === file.size && o.sha256 === file.sha256);
      const verified = Boolean(line?.ok && line.sha256 === file.sha256 && object && (await storedSha256(sandbox, object)) === file.sha256);
      if (!verified) failed = true;
      const rate = line?.ok && line.seconds > 0 ? formatRate(file.size / MiB / line.seconds) : "-";
      rows.push({ vendor: connection.vendor, file: file.name, size: file.size, rate, path: uploadPath(connection.vendor, object), verified });
    }
  }

  say("5/5 Re-hashing every stored object and comparing it with its source");
  printTable(rows);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = `${rows.filter((r) => r.verified).length}/${SAMPLES.length * connections.length} uploads verified in ${seconds}s`;
  console.log(`\n${failed ? style("red", `✖ ${summary}`) : style("green", `✔ ${summary}`)}`);
  console.log(`\nAPI docs: ${join(root, "docs/dist/index.html")}`);
  if (!failed) console.log(`Try it yourself: ${style("cyan", "node packages/cli/dist/bin.js sandbox")} and follow what it prints.`);
} finally {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
