import { CREDENTIAL_FIELDS, VENDORS, type CredentialField, type VendorName } from "./credentials.js";

/** How to point `direct-upload upload` at one vendor of a running sandbox. */
export interface SandboxConnection {
  vendor: VendorName;
  endpoint: string;
  /** Credentials as environment variables (OPENIM_TOKEN=...), the way to keep them out of the process list. */
  env: Record<string, string>;
  /** Flags for `upload` besides the files: vendor, endpoint and the sandbox's addressing needs, no credentials. */
  args: string[];
  /** The same with every credential as a flag (the exact command line, secrets included: sandbox values only). */
  argsWithCredentials: string[];
}

/** Where the sandbox's info() keeps each credential (it follows the vendors' own names). */
const INFO_KEYS: Record<CredentialField["key"], string[]> = {
  token: ["token"],
  userId: ["userId"],
  driveId: ["driveId"],
  accessKeyId: ["accessKeyId"],
  accessKeySecret: ["accessKeySecret"],
  region: ["region"],
};

/** Turns `startSandbox().vendors` into upload flags and env lines per vendor. */
export function sandboxConnection(vendors: Partial<Record<VendorName, Record<string, string>>>): SandboxConnection[] {
  return VENDORS.flatMap((vendor) => {
    const info = vendors[vendor];
    if (!info?.baseUrl) return [];
    const args = ["--vendor", vendor, "--endpoint", info.baseUrl];
    // The sandbox serves OSS on its own host under one path: bucket in the path, not in the host name.
    if (vendor === "hbr" && info.ossEndpoint) args.push("--oss-endpoint", info.ossEndpoint);
    const env: Record<string, string> = {};
    const credentialArgs: string[] = [];
    for (const field of CREDENTIAL_FIELDS[vendor]) {
      const value = INFO_KEYS[field.key].map((key) => info[key]).find((found) => found !== undefined);
      if (value === undefined) continue;
      env[field.env] = value;
      credentialArgs.push(field.flag, value);
    }
    return [{ vendor, endpoint: info.baseUrl, env, args, argsWithCredentials: [...args, ...credentialArgs] }];
  });
}
