// The one-call way, in Node: @direct-upload/upload-executor runs the whole KooDrive flow (create → part URLs in
// batches → concurrent PUTs with SHA-256 midstates → complete) with retries, progress and crash-safe resume.
// Every vendor has the same shape: uploadToOpenim, uploadToCloudbase, uploadToHbr, uploadToPds. The /node entry
// adds file sources and sends with node:http; browsers import the package root and send with XHR.
import { readFile, rm, writeFile } from "node:fs/promises";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { fromFile, uploadToKoodrive, type FlowCheckpoint } from "@direct-upload/upload-executor/node";

const client = createKoodriveClient({
  baseUrl: "https://intl.myhuaweicloud-koodrive.com",
  userId: "<user id>",
  auth: { type: "bearer", token: async () => "<access token>" },
});

export async function uploadVideo(path: string, signal?: AbortSignal) {
  const checkpointFile = `${path}.upload.json`;
  // A checkpoint left by a crashed or aborted run: only the missing parts are sent again.
  const resumeFrom = await readFile(checkpointFile, "utf8").then(
    (text) => JSON.parse(text) as FlowCheckpoint,
    () => undefined,
  );
  const source = await fromFile(path);
  try {
    const result = await uploadToKoodrive({
      client,
      source,
      concurrency: 4,
      ...(signal ? { signal } : {}),
      ...(resumeFrom ? { resumeFrom } : {}),
      onProgress: ({ loaded, total }) => process.stderr.write(`\r${((100 * loaded) / total).toFixed(1)} %`),
      onCheckpoint: (checkpoint) => writeFile(checkpointFile, JSON.stringify(checkpoint)),
    });
    await rm(checkpointFile, { force: true });
    return result; // { fileId, sha256, bytes, ... }: sha256 is the digest KooDrive verified
  } finally {
    await source.close?.();
  }
}
