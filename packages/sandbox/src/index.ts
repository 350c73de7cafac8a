export { startSandbox, type Sandbox, type SandboxObjects, type SandboxOptions, type SandboxS3Info } from "./sandbox.js";
export { S3_COMPLETE_AFTER_200_KEY } from "./storage/s3/s3-routes.js";
export { checkResponseContract, recordResponse, type RecordedResponse } from "./contract.js";
export { EntityTooLargeError, EntityTooSmallError, PathTraversalError, SandboxError } from "./errors.js";
export type { Problem } from "./problem.js";
export type {
  ErrorWriter,
  FaultSpec,
  ObjectStore,
  Route,
  S3Endpoint,
  S3Keys,
  S3PartRef,
  SandboxContext,
  StoredObject,
  VendorDescriptor,
  VendorInfo,
  VendorModule,
} from "./types.js";
export { allVendors, type VendorName } from "./vendors/index.js";
export { createCloudbaseVendor, CLOUDBASE_SANDBOX_BATCH_LIMIT, type CloudbaseOptions } from "./vendors/cloudbase/index.js";
export { createHbrVendor, type HbrOptions } from "./vendors/hbr/index.js";
export { createPdsVendor, type PdsOptions } from "./vendors/pds/index.js";
