import { describe, expect, it } from "vitest";
import { SettingError } from "./descriptor.js";
import { hbrVendor, pdsVendor, vendorDescriptors } from "./index.js";

const endpoint = "http://127.0.0.1:1";

describe("a descriptor's connect", () => {
  it.each([
    ["an empty required value", () => pdsVendor.connect(endpoint, { token: "t", driveId: "" }), /pds setting driveId is missing/],
    ["a value outside the choices", () => pdsVendor.connect(endpoint, { token: "t", driveId: "1", hash: "md5" }), /pds setting hash must be one of sha1, sha256/],
    ["a missing token without a share token", () => pdsVendor.connect(endpoint, { driveId: "1" }), /pds setting token is missing \(and so is shareToken\)/],
    [
      "a URL that is not http(s)",
      () => hbrVendor.connect(endpoint, { accessKeyId: "a", accessKeySecret: "s", ossEndpoint: "ftp://host" }),
      /hbr setting ossEndpoint must be an http:\/\/ or https:\/\//,
    ],
  ])("refuses %s with a typed SettingError, before building a client", (_case, connect, message) => {
    expect(connect).toThrow(SettingError);
    expect(connect).toThrow(message);
  });

  it("returns the vendor's uploader for valid values", () => {
    expect(pdsVendor.connect(endpoint, { token: "t", driveId: "1", hash: "sha256" })).toBeTypeOf("function");
  });

  it("lifts a required setting when the one it names has a value (a PDS share link: no drive id, no token)", () => {
    expect(pdsVendor.connect(endpoint, { shareId: "s", shareToken: "st" })).toBeTypeOf("function");
  });
});

describe("the vendor registry", () => {
  it("has unique vendor names and, per vendor, unique camelCase setting keys", () => {
    const names = vendorDescriptors.map((vendor) => vendor.name);
    expect(new Set(names).size).toBe(names.length);
    for (const vendor of vendorDescriptors) {
      const keys = vendor.settings.map((setting) => setting.key);
      expect(new Set(keys).size, vendor.name).toBe(keys.length);
      for (const key of keys) expect(key, vendor.name).toMatch(/^[a-z][a-zA-Z]*$/);
      for (const { requiredUnless } of vendor.settings) if (requiredUnless !== undefined) expect(keys, vendor.name).toContain(requiredUnless);
    }
  });
});
