import type { VendorDescriptor } from "../types.js";
import { cloudbaseVendor } from "./cloudbase/index.js";
import { hbrVendor } from "./hbr/index.js";
import { koodriveVendor } from "./koodrive/index.js";
import { openimVendor } from "./openim/index.js";
import { pdsVendor } from "./pds/index.js";

/** The sandbox's one list of vendors, in the order the bin prints them. */
export const allVendors = [openimVendor, cloudbaseVendor, koodriveVendor, hbrVendor, pdsVendor] as const satisfies readonly VendorDescriptor[];

/** Name of a vendor the sandbox serves, derived from the list above. */
export type VendorName = (typeof allVendors)[number]["name"];
