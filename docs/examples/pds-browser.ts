// In a browser: a File from an <input>, parts hashed in a Web Worker, XHR upload progress, resume after a reload.
import { createPdsClient } from "@direct-upload/pds-client";
import { fromBlob, uploadToPds, type FlowCheckpoint } from "@direct-upload/upload-executor";

const client = createPdsClient({ domainId: "<domain id>", token: async () => "<access token>" });

export async function uploadFile(file: File, bar: HTMLProgressElement, signal: AbortSignal) {
  const key = `pds-upload:${file.name}:${file.size}:${file.lastModified}`;
  const saved = localStorage.getItem(key);
  const result = await uploadToPds({
    client,
    driveId: "<drive id>",
    source: fromBlob(file),
    hash: "sha256", // part contexts and content_hash in SHA-256 (default "sha1", as PDS itself)
    signal,
    ...(saved ? { resumeFrom: JSON.parse(saved) as FlowCheckpoint } : {}), // reconciled with list_uploaded_parts
    onProgress: ({ loaded, total }) => {
      bar.max = total;
      bar.value = loaded;
    },
    onCheckpoint: (checkpoint) => localStorage.setItem(key, JSON.stringify(checkpoint)),
  });
  localStorage.removeItem(key);
  return result.fileId;
}
