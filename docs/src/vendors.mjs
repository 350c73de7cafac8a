// One entry per vendor: shared by the build (pages, index cards) and the site test (which spec each page shows).

/**
 * @typedef {object} Vendor
 * @property {string} id       page name (`<id>.html`), spec folder and example file prefix
 * @property {string} name     display name
 * @property {string} short    name in the nav bar
 * @property {string} api      alias in the root redocly.yaml
 * @property {string} pkg      client package to install
 * @property {string} flow     one-line summary of the upload flow (HTML)
 * @property {string[]} steps  the flow, step by step (HTML)
 */

/** @type {Vendor[]} */
export const vendors = [
  {
    id: "openim",
    short: "OpenIM",
    name: "OpenIM",
    api: "openim@v1",
    pkg: "@direct-upload/openim-client",
    flow: "Form POST to the object store, then confirm.",
    steps: [
      "<code>initiate_form_data</code> returns a signed form: <code>url</code>, <code>formData</code> fields and an upload <code>id</code>.",
      "POST the fields plus the file as <code>multipart/form-data</code> to <code>url</code> (MinIO, COS, OSS or S3 behind it).",
      "<code>complete_form_data</code> with the <code>id</code> confirms the upload and returns the object's URL.",
    ],
  },
  {
    id: "cloudbase",
    short: "CloudBase",
    name: "Tencent CloudBase",
    api: "cloudbase@v1",
    pkg: "@direct-upload/cloudbase-client",
    flow: "One signed COS PUT per object.",
    steps: [
      "<code>get-objects-upload-info</code> returns, per object, a COS <code>uploadUrl</code>, <code>authorization</code>, <code>token</code> and <code>cloudObjectMeta</code>.",
      "PUT the bytes to <code>uploadUrl</code> with <code>Authorization</code>, <code>X-Cos-Security-Token</code> and <code>X-Cos-Meta-Fileid</code>.",
      "Items are matched to requests by position; a per-item error fails only that object.",
    ],
  },
  {
    id: "koodrive",
    short: "KooDrive",
    name: "Huawei KooDrive",
    api: "koodrive@v1",
    pkg: "@direct-upload/koodrive-client",
    flow: "Concurrent parts, each carrying the SHA-256 state of everything before it.",
    steps: [
      "<code>files/create</code> with <code>uploadMode: multipart</code> declares the parts; each part after the first carries <code>hashCtx</code> (SHA-256 h-words) and a 64-aligned <code>partOffset</code>.",
      "PUT every part to its pre-signed <code>uploadUrl</code>, in any order and at the same time; <code>files/multipart/uploadUrl</code> refreshes expired URLs.",
      "<code>files/complete</code> merges the parts; the server checks the chained states and the whole-file <code>sha256</code>.",
    ],
  },
  {
    id: "hbr",
    short: "HBR",
    name: "Alibaba Cloud Backup (HBR)",
    api: "hbr@2017-09-08",
    pkg: "@direct-upload/hbr-client",
    flow: "ACS3-signed RPC call, then an OSS PostObject form upload.",
    steps: [
      "<code>CreateTempFileUploadUrl</code> is an RPC call signed with <code>ACS3-HMAC-SHA256</code>; it returns an OSS policy, signature and <code>TempFileKey</code>.",
      "POST a <code>multipart/form-data</code> form to <code>https://{BucketName}.{Endpoint}/</code> with <code>key</code>, <code>OSSAccessKeyId</code>, <code>policy</code>, <code>Signature</code> and the <code>file</code> field last.",
      "Hand <code>TempFileKey</code> to the backup job that imports the file.",
    ],
  },
  {
    id: "pds",
    short: "PDS",
    name: "Alibaba Cloud PDS",
    api: "pds@v2",
    pkg: "@direct-upload/pds-client",
    flow: "Concurrent parts with <code>parallel_sha1_ctx</code> / <code>parallel_sha256_ctx</code> midstates.",
    steps: [
      "<code>file/create</code> with <code>parallel_upload: true</code> and a <code>part_info_list</code> whose parts carry <code>{h, part_offset}</code> (part 1: <code>h: []</code>).",
      "PUT the parts to their OSS <code>upload_url</code>s concurrently; <code>get_upload_url</code> renews them (they last 15 minutes), <code>list_uploaded_parts</code> resumes.",
      "<code>file/complete</code> finishes; PDS checks the SHA-1 (or SHA-256) of the whole file.",
    ],
  },
];
