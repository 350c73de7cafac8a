import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox.js";
import { allVendors, type VendorName } from "./index.js";

/** What an uploader needs from each vendor's info, under the upload settings' key names (the CLI takes them as they are). */
const UPLOAD_KEYS = {
  openim: ["token", "userId"],
  cloudbase: ["token"],
  koodrive: ["token", "userId"],
  hbr: ["accessKeyId", "accessKeySecret", "region", "ossEndpoint"],
  pds: ["token", "driveId"],
} satisfies Record<VendorName, string[]>;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());

describe("printed connection info", () => {
  it("has an entry for every vendor of the registry", () => {
    expect(Object.keys(sandbox.vendors)).toEqual(allVendors.map((vendor) => vendor.name));
  });

  it.each(Object.entries(UPLOAD_KEYS))("%s: baseUrl on the sandbox, plus %j", (vendor, keys) => {
    const info = sandbox.vendors[vendor as VendorName];
    expect(info?.baseUrl.startsWith(sandbox.url)).toBe(true);
    for (const key of keys) expect(info?.[key], key).toMatch(/\S/);
  });
});
