import { vendorDescriptors, type VendorName } from "@direct-upload/upload-executor";
import { flagOf } from "./vendor-flags.js";

/** How to point `direct-upload upload` at one vendor of a running sandbox. */
export interface SandboxConnection {
  vendor: VendorName;
  endpoint: string;
  /** Settings read from the environment, as variables (OPENIM_TOKEN=...): the way to keep them out of the process list. */
  env: Record<string, string>;
  /** Flags for `upload` besides the files: vendor, endpoint and the settings no variable holds (e.g. --oss-endpoint). */
  args: string[];
  /** The same with the environment's settings as flags too (the exact command line, secrets included: sandbox values only). */
  argsWithCredentials: string[];
}

/** Turns `startSandbox().vendors` (each vendor's `baseUrl` plus its setting values by key) into upload flags and env lines. */
export function sandboxConnection(vendors: Partial<Record<string, Record<string, string>>>): SandboxConnection[] {
  return vendorDescriptors.flatMap((vendor) => {
    const info = vendors[vendor.name];
    if (!info?.baseUrl) return [];
    const args = ["--vendor", vendor.name, "--endpoint", info.baseUrl];
    const env: Record<string, string> = {};
    const credentialArgs: string[] = [];
    // The sandbox prints the values of every setting; an alternative (PDS's share link) stays out while the one it replaces is there.
    const replaced = new Set(vendor.settings.flatMap((setting) => (setting.requiredUnless !== undefined && info[setting.key] !== undefined ? [setting.requiredUnless] : [])));
    for (const setting of vendor.settings) {
      const value = info[setting.key];
      if (value === undefined || replaced.has(setting.key)) continue;
      if (setting.env === undefined) {
        args.push(flagOf(setting.key), value);
        continue;
      }
      env[setting.env] = value;
      credentialArgs.push(flagOf(setting.key), value);
    }
    return [{ vendor: vendor.name, endpoint: info.baseUrl, env, args, argsWithCredentials: [...args, ...credentialArgs] }];
  });
}
