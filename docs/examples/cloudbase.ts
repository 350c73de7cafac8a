import { createCloudbaseClient } from "@direct-upload/cloudbase-client";

const cloudbase = createCloudbaseClient({ envId: "my-env-1a2b3c", token: async () => "<access token>" });

export async function uploadToCloudbase(file: Blob, objectId: string): Promise<string> {
  // 1. Credentials per object; items come back matched to the request by position.
  const [item] = await cloudbase.getObjectsUploadInfo([{ objectId }]);
  if (!item) throw new Error("CloudBase answered no items");
  if (!item.ok) throw item.error; // a typed VendorApiError for this object only
  const info = item.result;

  // 2. One signed PUT to COS.
  const stored = await fetch(info.uploadUrl, {
    method: "PUT",
    headers: {
      Authorization: info.authorization,
      "X-Cos-Security-Token": info.token,
      "X-Cos-Meta-Fileid": info.cloudObjectMeta,
    },
    body: file,
  });
  if (!stored.ok) throw new Error(`COS answered ${stored.status}`);
  return info.cloudObjectId;
}
