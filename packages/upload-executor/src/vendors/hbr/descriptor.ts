import { createHbrClient } from "@direct-upload/hbr-client";
import { defineVendor } from "../descriptor.js";
import { pathStyleOssUrl, virtualHostedOssUrl } from "./hbr-form.js";
import { uploadToHbr } from "./hbr.js";

export const hbrVendor = /* @__PURE__ */ defineVendor({
  name: "hbr",
  displayName: "HBR",
  settings: [
    { key: "accessKeyId", env: "ALIBABA_CLOUD_ACCESS_KEY_ID", description: "AccessKey ID", required: true, secret: true },
    { key: "accessKeySecret", env: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", description: "AccessKey secret", required: true, secret: true },
    { key: "region", env: "ALIBABA_CLOUD_REGION_ID", description: "region id" },
    { key: "ossUrlStyle", description: "OSS addressing: virtual (https://{bucket}.{Endpoint}) or path (https://{Endpoint}/{bucket})", choices: ["virtual", "path"] },
    { key: "ossEndpoint", description: "OSS form goes to <url>/{bucket} (a local OSS or the sandbox); implies path style", format: "url" },
  ],
  connect(endpoint, { accessKeyId, accessKeySecret, region, ossUrlStyle, ossEndpoint }) {
    const client = createHbrClient({ baseUrl: endpoint, accessKeyId, accessKeySecret, ...(region ? { regionId: region } : {}) });
    // An explicit OSS endpoint is path style by nature (one host, bucket in the path): what local OSS servers serve.
    const style = ossUrlStyle ?? (ossEndpoint ? "path" : "virtual");
    const storageUrl = style === "path" ? pathStyleOssUrl(ossEndpoint) : virtualHostedOssUrl;
    return (options) => uploadToHbr({ ...options, client, storageUrl });
  },
});
