import { vendorDescriptors } from "@direct-upload/upload-executor";
import { Command, InvalidArgumentError, Option } from "commander";
import type { CliIo } from "./io.js";
import { parseSize } from "./parse-size.js";
import { runSandbox } from "./sandbox-command.js";
import { resolveSettings, type UploadFlags } from "./settings.js";
import { styleFor } from "./style.js";
import { runUpload } from "./upload-command.js";
import { SETTING_FLAGS, readsEnv, settingOption } from "./vendor-flags.js";
import { VERSION } from "./version.js";

function positiveInt(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}.`);
    return n;
  };
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InvalidArgumentError("Use seconds from 0.1 to 3600, e.g. 30.");
  return n;
}

function size(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined || bytes < 1) throw new InvalidArgumentError("Use bytes or a unit, e.g. 5MiB, 16MB, 8388608.");
  return bytes;
}

/** "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The commander program; each action stores its exit code in `result.code`. */
export function createProgram(io: CliIo, result: { code: number }): Command {
  const style = styleFor(io.stderr, io.env);
  const program = new Command("direct-upload")
    .description(`Upload files to ${listed(vendorDescriptors.map((vendor) => vendor.displayName))}: fast, verified, resumable.`)
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(style.red(text)),
    })
    .showHelpAfterError(style.dim("(add --help for usage)"));

  const upload = program
    .command("upload")
    .description("Upload files with one vendor's upload flow, with progress, resume and SHA-256 of every file.")
    .argument("<file...>", "files to upload")
    .addOption(new Option("--vendor <name>", "vendor whose upload flow to use").choices(vendorDescriptors.map((vendor) => vendor.name)).makeOptionMandatory())
    .addOption(new Option("--endpoint <url>", "the vendor API base URL").makeOptionMandatory())
    .optionsGroup("Credentials (each also read from the environment variable shown):");
  for (const flag of SETTING_FLAGS.filter(readsEnv)) upload.addOption(settingOption(flag));
  upload.optionsGroup("Vendor options:");
  for (const flag of SETTING_FLAGS.filter((flag) => !readsEnv(flag))) upload.addOption(settingOption(flag));
  upload
    .optionsGroup("Transfer:")
    .option("--concurrency <n>", "requests in flight in total, parts and whole files (default 4)", positiveInt("--concurrency", 64))
    .option("--part-size <size>", "preferred part size, e.g. 5MiB, 16MB or bytes (grown when the file needs it)", size)
    .option("--checkpoint <file>", "save progress to this file and resume from it when run again")
    .option(
      "--timeout <seconds>",
      "seconds a request may go without an answer or progress before it is retried (default 30 for API calls; storage: 30 s stalls, 120 s answers)",
      seconds,
    )
    .optionsGroup("Output:")
    .option("--json", "one JSON line per file on stdout, nothing else")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  $ export PDS_TOKEN=... PDS_DRIVE_ID=1",
        "  $ direct-upload upload movie.mkv --vendor pds --endpoint https://1234.api.aliyunpds.com --checkpoint up.json",
        "  $ direct-upload upload *.jpg --vendor openim --endpoint http://127.0.0.1:10002 --user-id u42 --json",
        "  $ direct-upload sandbox        # local APIs for every vendor, with the flags to use them",
        "",
        "Exit codes: 0 uploaded, 1 an upload failed, 2 wrong command line, 130 stopped by Ctrl-C.",
      ].join("\n"),
    )
    .action(async (files: string[], flags: UploadFlags, command: Command) => {
      const given = new Set(Object.keys(flags).filter((key) => command.getOptionValueSource(key) === "cli"));
      const settings = await resolveSettings(files, flags, given, io.env, io.cwd);
      result.code = await runUpload(settings, io);
    });

  program
    .command("sandbox")
    .description("Run a local server that speaks every vendor's API, and print how to upload to it.")
    .option("--port <n>", "port to listen on (default: a free one)", positiveInt("--port", 65535))
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--data-dir <dir>", "where stored objects go (default: a temporary directory, removed on exit)")
    .action(async (flags: { port?: number; host: string; dataDir?: string }) => {
      result.code = await runSandbox(flags, io);
    });

  return program;
}
