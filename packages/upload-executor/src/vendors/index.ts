// The executor's one registry of vendors: each vendor's descriptor, and the public API of its folder.
import { cloudbaseVendor } from "./cloudbase/descriptor.js";
import { hbrVendor } from "./hbr/descriptor.js";
import { koodriveVendor } from "./koodrive/descriptor.js";
import { openimVendor } from "./openim/descriptor.js";
import { pdsVendor } from "./pds/descriptor.js";

/** Every vendor, in the order the CLI lists them. */
export const vendorDescriptors = [openimVendor, cloudbaseVendor, koodriveVendor, hbrVendor, pdsVendor] as const;

export type VendorName = (typeof vendorDescriptors)[number]["name"];

export { cloudbaseVendor, hbrVendor, koodriveVendor, openimVendor, pdsVendor };
export {
  SettingError,
  defineVendor,
  settingRequired,
  type CheckedValues,
  type SettingValues,
  type VendorDescriptor,
  type VendorPartSizing,
  type VendorSetting,
  type VendorUpload,
} from "./descriptor.js";
export type { FlowCheckpoint, FlowOptions, FlowProgress, UploadResult } from "./flow-types.js";
export type { SingleRequestState } from "./single-request-flow.js";
export {
  uploadToOpenim,
  OPENIM_MODES,
  OPENIM_MULTIPART_THRESHOLD,
  OPENIM_MAX_NAME_BYTES,
  type OpenimMode,
  type OpenimUploadOptions,
  type OpenimUploadRef,
  type OpenimCheckpointState,
} from "./openim/openim.js";
export { openimPartSize, type OpenimMultipartState } from "./openim/openim-multipart.js";
export {
  uploadToCloudbase,
  uploadManyToCloudbase,
  type CloudbaseUploadOptions,
  type CloudbaseBatchOptions,
  type CloudbaseBatchFile,
  type CloudbaseBatchItem,
  type CloudbaseObjectRef,
  type CloudbaseCheckpointState,
} from "./cloudbase/cloudbase.js";
export { CLOUDBASE_BATCH_LIMIT } from "./cloudbase/cloudbase-batches.js";
export { uploadToHbr, type HbrUploadOptions, type HbrCheckpointState } from "./hbr/hbr.js";
export { pathStyleOssUrl, virtualHostedOssUrl, type OssUrlBuilder } from "./hbr/hbr-form.js";
export { uploadToKoodrive, type KoodriveUploadMode, type KoodriveUploadOptions, type KoodriveUploadState } from "./koodrive/koodrive.js";
export { uploadToPds, PdsDigestMismatchError, type PdsUploadOptions, type PdsUploadState } from "./pds/pds.js";
export type { PdsConflictMode, PdsUploadMode } from "./pds/pds-create.js";
export type { PdsRapidPolicy } from "./pds/pds-rapid.js";
