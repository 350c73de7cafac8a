import type { UploadFile, UploadSettings } from "./settings.js";
import { flagOf } from "./vendor-flags.js";

/**
 * The command that resumes the given files. Secrets appear as references to their environment variables, so the
 * hint can be printed and copied without leaking them.
 */
export function resumeCommand(settings: UploadSettings, files: UploadFile[]): string {
  const { vendor, values } = settings;
  const args = ["direct-upload", "upload", ...files.map((file) => quote(file.arg)), "--vendor", vendor.name, "--endpoint", quote(settings.endpoint)];
  for (const setting of vendor.settings) {
    const value = values[setting.key];
    if (value !== undefined) args.push(flagOf(setting.key), setting.secret ? `"$${setting.env}"` : quote(value));
  }
  if (settings.concurrency !== undefined) args.push("--concurrency", String(settings.concurrency));
  if (settings.partSize !== undefined) args.push("--part-size", String(settings.partSize));
  if (settings.timeoutMs !== undefined) args.push("--timeout", String(settings.timeoutMs / 1000));
  if (settings.checkpoint) args.push("--checkpoint", quote(settings.checkpoint));
  if (settings.json) args.push("--json");
  return args.join(" ");
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
