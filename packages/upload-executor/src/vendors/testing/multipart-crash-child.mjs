// Test fixture for multipart-crash.test.ts: a separate process that uploads a file with the BUILT package and
// writes every checkpoint to a file (atomically), the way an app would, until the test kills it.
// Usage: node multipart-crash-child.mjs '<job JSON>'
import { rename, writeFile } from "node:fs/promises";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { createPdsClient } from "@direct-upload/pds-client";
import { fromFile, nodeTransport, uploadToKoodrive, uploadToPds } from "@direct-upload/upload-executor/node";

const job = JSON.parse(process.argv[2]);
const source = await fromFile(job.file);
const options = {
  source,
  partSize: job.partSize,
  concurrency: job.concurrency,
  engine: { transport: nodeTransport },
  async onCheckpoint(checkpoint) {
    await writeFile(`${job.checkpointFile}.tmp`, JSON.stringify(checkpoint));
    await rename(`${job.checkpointFile}.tmp`, job.checkpointFile);
  },
};
if (job.vendor === "koodrive") {
  const client = createKoodriveClient({ baseUrl: job.baseUrl, userId: job.userId, auth: { type: "bearer", token: job.token } });
  await uploadToKoodrive({ ...options, client });
} else {
  await uploadToPds({ ...options, client: createPdsClient({ baseUrl: job.baseUrl, token: job.token }), driveId: job.driveId });
}
