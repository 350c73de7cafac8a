import type { VendorFactory } from "../types.js";
import { cloudbaseVendor } from "./cloudbase.js";
import { hbrVendor } from "./hbr.js";
import { koodriveVendor } from "./koodrive.js";
import { openimVendor } from "./openim.js";
import { pdsVendor } from "./pds.js";

/** Every vendor the sandbox serves, in the order the bin prints them. */
export const allVendors: VendorFactory[] = [openimVendor, cloudbaseVendor, koodriveVendor, hbrVendor, pdsVendor];
