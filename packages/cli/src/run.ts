import { CommanderError } from "commander";
import { processIo, type CliIo } from "./io.js";
import { createProgram } from "./program.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

/** Exit codes: 0 success, 1 an upload failed, 2 the command line is wrong, 130/143 stopped by Ctrl-C/SIGTERM. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Runs the CLI with `argv` (the arguments after the program name) and resolves with its exit code. It never calls
 * process.exit, so it can be embedded; `io` defaults to the process's streams, environment and directory.
 */
export async function run(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli = { ...processIo(), ...io };
  const result = { code: EXIT.ok };
  const program = createProgram(cli, result);
  try {
    await program.parseAsync(argv, { from: "user" });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (UsageError.is(error)) {
      cli.stderr.write(`${styleFor(cli.stderr, cli.env).red(`error: ${error.message}`)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
