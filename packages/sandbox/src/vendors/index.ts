import type { VendorFactory } from "../types.js";
import { cloudbaseVendor } from "./cloudbase/index.js";
import { hbrVendor } from "./hbr/index.js";
import { koodriveVendor } from "./koodrive/index.js";
import { openimVendor } from "./openim/index.js";
import { pdsVendor } from "./pds/index.js";

/** Every vendor the sandbox serves, in the order the bin prints them. */
export const allVendors: VendorFactory[] = [openimVendor, cloudbaseVendor, koodriveVendor, hbrVendor, pdsVendor];
