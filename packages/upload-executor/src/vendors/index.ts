// Vendor flows: one entry point per vendor, on top of the generated clients and the core engines.
export type { FlowCheckpoint, FlowOptions, FlowProgress, UploadResult, VendorName } from "./types.js";
export { uploadToOpenim, type OpenimUploadOptions, type OpenimCheckpointState } from "./openim.js";
export {
  uploadToCloudbase,
  uploadManyToCloudbase,
  type CloudbaseUploadOptions,
  type CloudbaseBatchOptions,
  type CloudbaseBatchFile,
  type CloudbaseBatchItem,
  type CloudbaseCheckpointState,
} from "./cloudbase.js";
export { uploadToHbr, type HbrUploadOptions, type HbrCheckpointState } from "./hbr.js";
export { pathStyleOssUrl, virtualHostedOssUrl, type OssUrlBuilder } from "./hbr-form.js";
export { uploadToKoodrive, type KoodriveUploadOptions, type KoodriveUploadState } from "./koodrive.js";
export { uploadToPds, PdsDigestMismatchError, type PdsUploadOptions, type PdsUploadState } from "./pds.js";
