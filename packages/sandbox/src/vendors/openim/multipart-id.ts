/** What OpenIM packs into a multipart `uploadID` (openimsdk/tools s3/cont): the storage upload or the presigned key. */
export interface MultipartUploadId {
  /** 1: a storage multipart upload; 2: one presigned PUT (files of one part). */
  type: 1 | 2;
  /** The storage's upload id (type 1), else empty. */
  id: string;
  key: string;
  size: number;
  hash: string;
}

export function encodeUploadId(upload: MultipartUploadId): string {
  return Buffer.from(JSON.stringify(upload)).toString("base64url");
}

export function decodeUploadId(value: string): MultipartUploadId | undefined {
  try {
    const upload = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<MultipartUploadId>;
    if ((upload.type !== 1 && upload.type !== 2) || typeof upload.key !== "string" || typeof upload.hash !== "string" || typeof upload.size !== "number") return undefined;
    return { type: upload.type, id: typeof upload.id === "string" ? upload.id : "", key: upload.key, size: upload.size, hash: upload.hash };
  } catch {
    return undefined;
  }
}
