import { vendorDescriptors, type VendorName, type VendorSetting } from "@direct-upload/upload-executor";
import { Option } from "commander";

/** The flag of a setting: the `--kebab-case` of its camelCase key (commander maps it back to the key). */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** One flag for every vendor setting with its key (e.g. --token), with the vendors that read it. */
export interface SettingFlag {
  key: string;
  flag: string;
  uses: Array<{ vendor: VendorName; setting: VendorSetting }>;
}

function collectFlags(): SettingFlag[] {
  const byKey = new Map<string, SettingFlag>();
  for (const vendor of vendorDescriptors) {
    for (const setting of vendor.settings) {
      const flag = byKey.get(setting.key) ?? { key: setting.key, flag: flagOf(setting.key), uses: [] };
      flag.uses.push({ vendor: vendor.name, setting });
      byKey.set(setting.key, flag);
    }
  }
  return [...byKey.values()];
}

/** Every setting flag, in registry order. */
export const SETTING_FLAGS: readonly SettingFlag[] = collectFlags();

/** A credential-like flag: some vendor also reads it from an environment variable. */
export const readsEnv = (flag: SettingFlag): boolean => flag.uses.some(({ setting }) => setting.env !== undefined);

/** The commander option of a flag; its help names each vendor's use (and variable). */
export function settingOption(flag: SettingFlag): Option {
  const format = flag.uses.some(({ setting }) => setting.format === "url") ? "url" : "value";
  const help = flag.uses.map(({ vendor, setting }) => `${vendor} ${setting.description}${setting.env ? ` (${setting.env})` : ""}`).join("; ");
  const option = new Option(`${flag.flag} <${format}>`, help);
  const choices = [...new Set(flag.uses.flatMap(({ setting }) => setting.choices ?? []))];
  return choices.length > 0 ? option.choices(choices) : option;
}
