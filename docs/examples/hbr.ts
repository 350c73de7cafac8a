import { createHbrClient } from "@direct-upload/hbr-client";

const hbr = createHbrClient({
  regionId: "cn-hangzhou",
  accessKeyId: "<access key id>",
  accessKeySecret: "<access key secret>",
});

export async function uploadToHbr(file: Blob, fileName: string): Promise<string> {
  // 1. An ACS3-HMAC-SHA256 signed RPC call returns a signed OSS PostObject form.
  const form = await hbr.createTempFileUploadUrl(fileName);

  // 2. POST the form to OSS; the file field must come last.
  const body = new FormData();
  body.append("key", form.TempFileKey);
  body.append("OSSAccessKeyId", form.OssAccessKeyId);
  body.append("policy", form.Policy);
  body.append("Signature", form.Signature);
  body.append("success_action_status", "200");
  body.append("file", file, fileName);
  const stored = await fetch(`https://${form.BucketName}.${form.Endpoint}/`, { method: "POST", body });
  if (stored.status !== 200) throw new Error(`OSS answered ${stored.status}`);

  // 3. Hand the key to the backup job that imports the file.
  return form.TempFileKey;
}
