import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { settingRequired, vendorDescriptors, type SettingValues, type VendorDescriptor } from "@direct-upload/upload-executor";
import { checkPartSize } from "./part-size-notice.js";
import { UsageError } from "./usage-error.js";
import { SETTING_FLAGS, flagOf, readsEnv } from "./vendor-flags.js";

/** Options as commander parsed them: the CLI's own, and one per vendor setting key (values checked by their parsers). */
export interface UploadFlags {
  vendor: string;
  endpoint: string;
  concurrency?: number;
  partSize?: number;
  checkpoint?: string;
  timeout?: number;
  json?: boolean;
  [setting: string]: string | number | boolean | undefined;
}

export interface UploadFile {
  /** As typed on the command line (shown to the user). */
  arg: string;
  /** Absolute path: the checkpoint key. */
  path: string;
  size: number;
}

/** Everything the upload needs, validated: vendor settings resolved from flags and environment. */
export interface UploadSettings {
  vendor: VendorDescriptor;
  endpoint: string;
  files: UploadFile[];
  /** The vendor's setting values by key, from flags or the environment; a setting not given is absent. */
  values: SettingValues;
  /** Every secret value, for redact(). */
  secrets: string[];
  concurrency: number | undefined;
  partSize: number | undefined;
  checkpoint: string | undefined;
  /** `--timeout` in milliseconds. */
  timeoutMs: number | undefined;
  json: boolean;
}

/** Flags that were typed on the command line (not defaults); used to refuse flags the vendor does not take. */
export type GivenFlags = ReadonlySet<string>;

export async function resolveSettings(fileArgs: string[], flags: UploadFlags, given: GivenFlags, env: NodeJS.ProcessEnv, cwd: string): Promise<UploadSettings> {
  // commander's --vendor choices already refused any other name.
  const vendor = vendorDescriptors.find((descriptor) => descriptor.name === flags.vendor);
  if (!vendor) throw new UsageError(`unknown vendor ${flags.vendor}`);
  checkVendorFlags(vendor, given);
  const endpoint = checkUrl("--endpoint", flags.endpoint);
  return {
    vendor,
    endpoint,
    files: await checkFiles(fileArgs, cwd),
    ...readSettings(vendor, flags, env),
    concurrency: flags.concurrency,
    partSize: checkPartSize(vendor, flags.partSize),
    checkpoint: flags.checkpoint === undefined ? undefined : resolve(cwd, flags.checkpoint),
    timeoutMs: flags.timeout === undefined ? undefined : Math.round(flags.timeout * 1000),
    json: flags.json ?? false,
  };
}

function checkVendorFlags(vendor: VendorDescriptor, given: GivenFlags): void {
  for (const flag of SETTING_FLAGS) {
    if (!given.has(flag.key) || flag.uses.some((use) => use.vendor === vendor.name)) continue;
    // Worded as users know them: another vendor's credential "is not used", a vendor option "is only for" its vendors.
    if (readsEnv(flag)) throw new UsageError(`${flag.flag} is not used by ${vendor.name}`);
    throw new UsageError(`${flag.flag} is only for ${flag.uses.map((use) => use.vendor).join(", ")}, not ${vendor.name}`);
  }
}

/** Each setting from its flag, else its environment variable; required ones must be there (see settingRequired). */
function readSettings(vendor: VendorDescriptor, flags: UploadFlags, env: NodeJS.ProcessEnv): Pick<UploadSettings, "values" | "secrets"> {
  const given: Record<string, string | undefined> = {};
  for (const setting of vendor.settings) {
    const typed = flags[setting.key];
    given[setting.key] = typeof typed === "string" ? typed : setting.env === undefined ? undefined : env[setting.env];
  }
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  for (const setting of vendor.settings) {
    const flag = flagOf(setting.key);
    const value = given[setting.key];
    if (value === undefined || value === "") {
      if (settingRequired(setting, given))
        throw new UsageError(
          `${vendor.name} needs ${flag}${setting.env ? ` (or the ${setting.env} environment variable)` : ""}${setting.requiredUnless ? `, or ${flagOf(setting.requiredUnless)}` : ""}`,
        );
      continue;
    }
    if (setting.choices && !setting.choices.includes(value)) throw new UsageError(`${flag} must be one of ${setting.choices.join(", ")}, got "${value}"`);
    values[setting.key] = setting.format === "url" ? checkUrl(flag, value) : value;
    if (setting.secret) secrets.push(value);
  }
  return { values, secrets };
}

function checkUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be a URL such as https://api.example.com, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${flag} must be an http:// or https:// URL, got "${value}"`);
  }
  return value.replace(/\/+$/, "");
}

async function checkFiles(args: string[], cwd: string): Promise<UploadFile[]> {
  const files = new Map<string, UploadFile>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => unreadable(arg, error));
    if (info.isDirectory()) throw new UsageError(`${arg} is a directory; pass the files inside it (e.g. ${arg}/*)`);
    if (!info.isFile()) throw new UsageError(`${arg} is not a regular file`);
    await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => unreadable(arg, error));
    if (!files.has(path)) files.set(path, { arg, path, size: info.size });
  }
  return [...files.values()];
}

/** Why a file cannot be read, as the system said it: missing, or not readable by this user (the file or a folder). */
function unreadable(arg: string, error: NodeJS.ErrnoException): never {
  if (error.code === "ENOENT" || error.code === "ENOTDIR") throw new UsageError(`${arg}: no such file`);
  if (error.code === "EACCES" || error.code === "EPERM") throw new UsageError(`${arg}: permission denied; check the file's and its folders' permissions`);
  throw new UsageError(`${arg}: cannot read it (${error.code ?? error.message})`);
}
