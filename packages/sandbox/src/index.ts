export { startSandbox, type Sandbox, type SandboxObjects, type SandboxOptions } from "./sandbox.js";
export { checkResponseContract, recordResponse, type RecordedResponse } from "./contract.js";
export { EntityTooLargeError, EntityTooSmallError, PathTraversalError, SandboxError } from "./errors.js";
export type { Problem } from "./problem.js";
export type { ErrorWriter, FaultSpec, ObjectStore, Route, SandboxContext, StoredObject, VendorDescriptor, VendorInfo, VendorModule } from "./types.js";
export { allVendors, type VendorName } from "./vendors/index.js";
export { createCloudbaseVendor, type CloudbaseOptions } from "./vendors/cloudbase/index.js";
export { createHbrVendor, type HbrOptions } from "./vendors/hbr/index.js";
export { createPdsVendor, type PdsOptions } from "./vendors/pds/index.js";
