// Test fixture for multipart-crash.test.ts: a separate process that uploads a file with the BUILT package and
// writes every checkpoint to a file (atomically), the way an app would, until the test kills it.
// Usage: node multipart-crash-child.mjs '<job JSON>' (the vendor's name, endpoint and setting values among it)
import { rename, writeFile } from "node:fs/promises";
import { fromFile, nodeTransport, vendorDescriptors } from "@direct-upload/upload-executor/node";

const job = JSON.parse(process.argv[2]);
const upload = vendorDescriptors.find((vendor) => vendor.name === job.vendor).connect(job.endpoint, job.settings);
await upload({
  source: await fromFile(job.file),
  partSize: job.partSize,
  concurrency: job.concurrency,
  engine: { transport: nodeTransport },
  async onCheckpoint(checkpoint) {
    await writeFile(`${job.checkpointFile}.tmp`, JSON.stringify(checkpoint));
    await rename(`${job.checkpointFile}.tmp`, job.checkpointFile);
  },
});
