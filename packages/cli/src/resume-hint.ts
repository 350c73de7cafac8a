import { CREDENTIAL_FIELDS } from "./credentials.js";
import type { UploadFile, UploadSettings } from "./settings.js";

/**
 * The command that resumes the given files. Secrets appear as references to their environment variables, so the
 * hint can be printed and copied without leaking them.
 */
export function resumeCommand(settings: UploadSettings, files: UploadFile[]): string {
  const args = ["direct-upload", "upload", ...files.map((file) => quote(file.arg)), "--vendor", settings.vendor, "--endpoint", quote(settings.endpoint)];
  for (const field of CREDENTIAL_FIELDS[settings.vendor]) {
    const value = settings.credentials[field.key];
    if (value !== undefined) args.push(field.flag, field.secret ? `"$${field.env}"` : quote(value));
  }
  if (settings.vendor === "hbr" && settings.ossUrlStyle !== "virtual") args.push("--oss-url-style", settings.ossUrlStyle);
  if (settings.ossEndpoint) args.push("--oss-endpoint", quote(settings.ossEndpoint));
  if (settings.hash) args.push("--hash", settings.hash);
  if (settings.concurrency !== undefined) args.push("--concurrency", String(settings.concurrency));
  if (settings.partSize !== undefined) args.push("--part-size", String(settings.partSize));
  if (settings.checkpoint) args.push("--checkpoint", quote(settings.checkpoint));
  if (settings.json) args.push("--json");
  return args.join(" ");
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
