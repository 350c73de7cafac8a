import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { CREDENTIAL_FIELDS, VENDOR_ONLY_FLAGS, type CredentialField, type VendorName } from "./credentials.js";
import { UsageError } from "./usage-error.js";

/** Options as commander parsed them (values already checked by their option parsers). */
export interface UploadFlags {
  vendor: VendorName;
  endpoint: string;
  token?: string;
  userId?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  region?: string;
  driveId?: string;
  ossUrlStyle?: "virtual" | "path";
  ossEndpoint?: string;
  hash?: "sha1" | "sha256";
  concurrency?: number;
  partSize?: number;
  checkpoint?: string;
  json?: boolean;
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
  vendor: VendorName;
  endpoint: string;
  files: UploadFile[];
  /** Credential values by field key (token, userId, ...), from flags or the environment. */
  credentials: Partial<Record<CredentialField["key"], string>>;
  /** Every secret value, for redact(). */
  secrets: string[];
  ossUrlStyle: "virtual" | "path";
  /** Base URL for path-style OSS uploads, instead of the scheme and Endpoint HBR answers with. */
  ossEndpoint: string | undefined;
  hash: "sha1" | "sha256" | undefined;
  concurrency: number | undefined;
  partSize: number | undefined;
  checkpoint: string | undefined;
  json: boolean;
}

/** Flags that were typed on the command line (not defaults); used to refuse flags the vendor does not take. */
export type GivenFlags = ReadonlySet<keyof UploadFlags>;

export async function resolveSettings(
  fileArgs: string[],
  flags: UploadFlags,
  given: GivenFlags,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<UploadSettings> {
  const { vendor } = flags;
  checkVendorFlags(vendor, given);
  const endpoint = checkUrl("--endpoint", flags.endpoint);
  const ossEndpoint = flags.ossEndpoint === undefined ? undefined : checkUrl("--oss-endpoint", flags.ossEndpoint);

  const credentials: UploadSettings["credentials"] = {};
  const secrets: string[] = [];
  for (const field of CREDENTIAL_FIELDS[vendor]) {
    const value = flags[field.key] ?? env[field.env];
    if (value === undefined || value === "") {
      if (field.required) throw new UsageError(`${vendor} needs ${field.flag} (or the ${field.env} environment variable)`);
      continue;
    }
    credentials[field.key] = value;
    if (field.secret) secrets.push(value);
  }

  return {
    vendor,
    endpoint,
    files: await checkFiles(fileArgs, cwd),
    credentials,
    secrets,
    // An explicit OSS endpoint is path style by nature (one host, bucket in the path).
    ossUrlStyle: flags.ossUrlStyle ?? (ossEndpoint ? "path" : "virtual"),
    ossEndpoint,
    hash: flags.hash,
    concurrency: flags.concurrency,
    partSize: flags.partSize,
    checkpoint: flags.checkpoint === undefined ? undefined : resolve(cwd, flags.checkpoint),
    json: flags.json ?? false,
  };
}

function checkVendorFlags(vendor: VendorName, given: GivenFlags): void {
  for (const [key, rule] of Object.entries(VENDOR_ONLY_FLAGS)) {
    if (given.has(key as keyof UploadFlags) && !rule.vendors.includes(vendor)) {
      throw new UsageError(`${rule.flag} is only for ${rule.vendors.join(", ")}, not ${vendor}`);
    }
  }
  const own = new Set(CREDENTIAL_FIELDS[vendor].map((field) => field.key));
  for (const fields of Object.values(CREDENTIAL_FIELDS)) {
    for (const field of fields) {
      if (given.has(field.key) && !own.has(field.key)) throw new UsageError(`${field.flag} is not used by ${vendor}`);
    }
  }
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
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${arg}: no such file`);
    if (info.isDirectory()) throw new UsageError(`${arg} is a directory; pass the files inside it (e.g. ${arg}/*)`);
    if (!info.isFile()) throw new UsageError(`${arg} is not a regular file`);
    if (!files.has(path)) files.set(path, { arg, path, size: info.size });
  }
  return [...files.values()];
}
