// The five vendors: spec folder, client package folder and generated file, in one place.
export const VENDORS = ["openim", "cloudbase", "koodrive", "hbr", "pds"];

export function vendorPaths(vendor) {
  return {
    spec: `specs/${vendor}/openapi.yaml`,
    generated: `packages/${vendor}-client/src/generated/${vendor}.ts`,
  };
}
