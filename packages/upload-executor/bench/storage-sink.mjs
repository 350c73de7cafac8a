// Bench-only storage that spends as little CPU as it can, so that a bench measures the client: an HTTP server in its
// own process that counts each PUT body's bytes and answers 200 with an ETag, checking nothing, and in-process
// KooDrive / PDS clients that answer the API calls directly with part URLs on that server (a few dozen calls per
// GiB, so the vendor API's cost is left out on purpose). Usage: `const sink = await startStorageSink()`, then
// `sink.koodrive()` / `sink.pds()` as the flow's client, `await sink.stop()`.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { childCpuSeconds, REPORT_CPU_ON_STDIN } from "./process-cpu.mjs";

const script = `
  import { createServer } from "node:http";
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on("data", (chunk) => (bytes += chunk.length));
    req.on("end", () => res.writeHead(200, { etag: '"' + bytes + '"', "content-length": 0 }).end());
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + server.address().port));
  ${REPORT_CPU_ON_STDIN}
  process.stdin.on("end", () => process.exit(0));
`;

export async function startStorageSink() {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout });
  const [url] = await once(lines, "line");
  let uploads = 0;
  const partUrl = (upload, partNumber) => `${url}/${upload}/${partNumber}`;
  return {
    url,
    koodrive: () => ({
      async createFile(body) {
        return { fileId: `k${++uploads}`, fileName: body.fileName };
      },
      async getMultipartUploadUrl({ fileId, multiParts }) {
        return { multiParts: multiParts.map((part) => ({ ...part, uploadUrl: partUrl(fileId, part.partNumber) })) };
      },
      async completeFile() {
        return {};
      },
    }),
    pds: () => ({
      async createFile(body) {
        const id = `p${++uploads}`;
        return {
          file_id: id,
          upload_id: id,
          file_name: body.name,
          part_info_list: body.part_info_list.map((part) => ({ part_number: part.part_number, upload_url: partUrl(id, part.part_number) })),
        };
      },
      async getUploadUrl({ upload_id, part_info_list }) {
        return { part_info_list: part_info_list.map((part) => ({ part_number: part.part_number, upload_url: partUrl(upload_id, part.part_number) })) };
      },
      async completeFile(body) {
        return { file_id: body.file_id };
      },
    }),
    /** The sink process's user + system CPU seconds so far. */
    cpuSeconds: () => childCpuSeconds(child, lines),
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
