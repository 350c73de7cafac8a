import { createKoodriveClient, type MultiPartInfo } from "@direct-upload/koodrive-client";

const koodrive = createKoodriveClient({
  baseUrl: "https://intl.myhuaweicloud-koodrive.com",
  userId: "<user id>",
  auth: { type: "bearer", token: async () => "<access token>" },
});

/** A part, with the SHA-256 state of everything before it (see the midstate page). */
export interface HashedPart {
  bytes: Blob;
  offset: number; // a multiple of 64
  hashCtx?: number[]; // h0..h7; absent for part 1
}

export async function uploadToKoodrive(name: string, parts: HashedPart[], sha256: string) {
  const multiParts: MultiPartInfo[] = parts.map((part, index) => ({
    partNumber: index + 1,
    partSize: part.bytes.size,
    partOffset: part.offset,
    ...(part.hashCtx ? { hashCtx: part.hashCtx } : {}),
  }));

  // 1. Declare the file and every part with its chained state; get a pre-signed URL per part.
  const created = await koodrive.createFile({
    fileName: name,
    fileType: "45", // "other"
    parentFolder: ["root"],
    length: parts.reduce((sum, part) => sum + part.bytes.size, 0),
    sha256,
    autoRename: 2,
    uploadMode: "multipart",
    uploadType: 1, // multipart
    multiParts,
  });

  // 2. PUT all parts at once: each URL carries its X-Amz-Iteration-Hash-Ctx.
  await Promise.all(
    (created.multiParts ?? []).map(async ({ partNumber, uploadUrl }) => {
      const part = parts[partNumber - 1];
      if (!part || !uploadUrl) throw new Error(`no upload target for part ${partNumber}`);
      const stored = await fetch(uploadUrl, { method: "PUT", body: part.bytes });
      if (!stored.ok) throw new Error(`part ${partNumber}: storage answered ${stored.status}`);
    }),
  );

  // 3. Merge: the server checks the chain and the whole-file SHA-256.
  await koodrive.completeFile({ fileId: created.fileId, sha256 });
  return created.fileId;
}
