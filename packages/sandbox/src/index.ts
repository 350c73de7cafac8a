export { startSandbox, type Sandbox, type SandboxObjects, type SandboxOptions } from "./sandbox.js";
export { checkResponseContract, recordResponse, type RecordedResponse } from "./contract.js";
export { EntityTooLargeError, EntityTooSmallError, PathTraversalError, SandboxError } from "./errors.js";
export type { FaultSpec, ObjectStore, Route, SandboxContext, StoredObject, VendorFactory, VendorModule, VendorName } from "./types.js";
export { allVendors } from "./vendors/index.js";
export { createCloudbaseVendor, type CloudbaseOptions } from "./vendors/cloudbase/index.js";
export { createHbrVendor, type HbrOptions } from "./vendors/hbr/index.js";
