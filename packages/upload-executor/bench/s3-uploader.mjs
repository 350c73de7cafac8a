// Child process of s3-peer.bench.mjs: one multipart upload of the file at job.path to the sandbox's S3 endpoint, then
// prints its wall seconds, CPU seconds (user + system) and peak RSS (bytes) as JSON. job.side "ours": this package's
// engine (uploadMultipart, as the OpenIM multipart flow drives it) over the part URLs and complete URL the bench
// presigned; "lib-storage": @aws-sdk/lib-storage's Upload with a default S3Client. Usage: node s3-uploader.mjs '<job JSON>'
import { createReadStream } from "node:fs";
import { request } from "node:http";

const job = JSON.parse(process.argv[2]);

/** POSTs `body` to `url` with node:http (fetch would load undici, about 10 MiB of RSS); resolves status and text. */
function post(url, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function ours() {
  const { fromFile, layoutParts, nodeTransport, uploadMultipart } = await import("../dist/node.js");
  const source = await fromFile(job.path);
  const { parts } = layoutParts(source.size, { minPartSize: job.partSize, maxPartSize: job.partSize, maxParts: 10_000, preferredPartSize: job.partSize });
  return async () => {
    const plan = { kind: "multipart", parts, getPartTargets: async (requests) => requests.map((r) => ({ partNumber: r.number, url: job.partUrls[r.number - 1], method: "PUT" })) };
    const result = await uploadMultipart(source, plan, { transport: nodeTransport, concurrency: job.concurrency });
    await source.close();
    const xml = `<CompleteMultipartUpload>${result.parts.map((p) => `<Part><PartNumber>${p.number}</PartNumber><ETag>${p.etag}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
    const { status, text } = await post(job.completeUrl, xml);
    if (status !== 200 || !text.includes("<CompleteMultipartUploadResult")) throw new Error(`complete answered ${status}: ${text.slice(0, 200)}`);
  };
}

async function libStorage() {
  const { S3Client } = await import("@aws-sdk/client-s3");
  const { Upload } = await import("@aws-sdk/lib-storage");
  const { endpoint, region, accessKeyId, secretAccessKey, bucket } = job.s3;
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  return async () => {
    await new Upload({ client, params: { Bucket: bucket, Key: job.key, Body: createReadStream(job.path) }, partSize: job.partSize, queueSize: job.concurrency }).done();
    client.destroy();
  };
}

const upload = await (job.side === "ours" ? ours() : libStorage());
const cpu = process.cpuUsage();
const started = performance.now();
await upload();
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds, cpuSeconds: (user + system) / 1e6, peak: process.resourceUsage().maxRSS * 1024 }));
