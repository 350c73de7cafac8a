import { brandError, DirectUploadError, isBrandedError } from "@direct-upload/client-core";
import type { PartSizing } from "../core/part-layout.js";
import type { FlowOptions, UploadResult } from "./flow-types.js";

interface SettingBase {
  /** camelCase. The CLI flag is its --kebab-case, and the sandbox prints the value under this key. */
  key: string;
  /** What the value is, in a few words: help reads "<vendor> <description> (<env>)". */
  description: string;
  required?: boolean;
  /** The key of another setting whose value makes this required one optional (PDS: a share id instead of a drive id). */
  requiredUnless?: string;
  /** The only values accepted. */
  choices?: readonly string[];
  /** "url": an http(s) URL. */
  format?: "url";
}

/**
 * One value a vendor needs besides the endpoint. A secret is never printed, so it always has an environment
 * variable for a command line to name instead.
 */
export type VendorSetting = (SettingBase & { env?: string; secret?: false }) | (SettingBase & { env: string; secret: true });

/** Setting values by key, as a caller collects them (flags, environment, a config file). */
export type SettingValues = Readonly<Record<string, string | undefined>>;

/** Uploads one source with the client `connect` built. */
export type VendorUpload = (options: FlowOptions) => Promise<UploadResult>;

/** Part limits of a multipart vendor and the part size its flow starts from. */
export type VendorPartSizing = Readonly<Omit<PartSizing, "preferredPartSize"> & { defaultPartSize: number }>;

/** What the executor knows of one vendor: its name, the settings its client needs, and how to upload with them. */
export interface VendorDescriptor<Name extends string = string> {
  name: Name;
  /** As the vendor writes itself, e.g. "KooDrive". */
  displayName: string;
  settings: readonly VendorSetting[];
  /** A multipart vendor's part limits as its flow applies them (alignment included), for callers to check a part size against. */
  partSizing?: VendorPartSizing;
  /** Builds the vendor's client for `endpoint` from the setting values and returns its uploader; refuses missing or invalid values. */
  connect(endpoint: string, values: SettingValues): VendorUpload;
}

type ValueOf<S> = S extends { choices: readonly (infer Choice extends string)[] } ? Choice : string;

/** A setting that is always there once checked: required, and not lifted by another one. */
type AlwaysThere<S> = S extends { requiredUnless: string } ? false : S extends { required: true } ? true : false;

/** The values a descriptor's own `connect` gets: required settings present, choices narrowed. */
export type CheckedValues<Settings extends readonly VendorSetting[]> = {
  [S in Settings[number] as AlwaysThere<S> extends true ? S["key"] : never]: ValueOf<S>;
} & {
  [S in Settings[number] as AlwaysThere<S> extends true ? never : S["key"]]?: ValueOf<S>;
};

/** Whether `setting` needs a value, given every setting's values: `requiredUnless` lifts it when that one has one. */
export function settingRequired(setting: VendorSetting, values: SettingValues): boolean {
  if (setting.requiredUnless !== undefined && values[setting.requiredUnless]) return false;
  return setting.required === true;
}

/** A setting value is missing or not one the vendor accepts. */
export class SettingError extends DirectUploadError {
  static override is(value: unknown): value is SettingError {
    return isBrandedError(value, "SettingError");
  }

  override name: string = brandError(this, "SettingError");

  constructor(vendor: string, setting: VendorSetting, problem: string) {
    super("invalid_setting", `${vendor} setting ${setting.key} ${problem}`, {
      hint: setting.env ? `Pass ${setting.key} (or set ${setting.env})` : `Pass a valid ${setting.key}`,
    });
  }
}

function checkValues(name: string, settings: readonly VendorSetting[], values: SettingValues): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const setting of settings) {
    const value = values[setting.key];
    if (value === undefined || value === "") {
      if (settingRequired(setting, values)) throw new SettingError(name, setting, setting.requiredUnless ? `is missing (and so is ${setting.requiredUnless})` : "is missing");
      continue;
    }
    if (setting.choices && !setting.choices.includes(value)) throw new SettingError(name, setting, `must be one of ${setting.choices.join(", ")}`);
    if (setting.format === "url" && !/^https?:\/\//.test(value)) throw new SettingError(name, setting, "must be an http:// or https:// URL");
    checked[setting.key] = value;
  }
  return checked;
}

/**
 * A descriptor whose `connect` receives checked values, typed from its own settings. Write the settings inline so
 * their keys, `required` and `choices` stay literal.
 */
// No side effects: a page that imports one flow lets the bundler drop the other vendors' descriptors and clients.
// Call sites are marked /* @__PURE__ */ as well: terser (webpack's minifier) reads only those.
/* @__NO_SIDE_EFFECTS__ */
export function defineVendor<const Name extends string, const Settings extends readonly VendorSetting[]>(vendor: {
  name: Name;
  displayName: string;
  settings: Settings;
  partSizing?: VendorPartSizing;
  connect(endpoint: string, values: CheckedValues<Settings>): VendorUpload;
}): VendorDescriptor<Name> {
  return {
    ...vendor,
    // checkValues enforced what CheckedValues promises: every required key present, every choice one of its list.
    connect: (endpoint, values) => vendor.connect(endpoint, checkValues(vendor.name, vendor.settings, values) as CheckedValues<Settings>),
  };
}
