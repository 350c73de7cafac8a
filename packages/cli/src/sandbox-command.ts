import { startSandbox } from "@direct-upload/sandbox";
import { waitForStopSignal } from "./interrupt.js";
import type { CliIo } from "./io.js";
import { sandboxConnection } from "./sandbox-connection.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

/** `direct-upload sandbox`: serves until Ctrl-C or SIGTERM, after printing how to upload to each vendor. */
export async function runSandbox(flags: { port?: number; host: string; dataDir?: string }, io: CliIo): Promise<number> {
  const style = styleFor(io.stdout, io.env);
  const sandbox = await startSandbox({ host: flags.host, ...(flags.port ? { port: flags.port } : {}), ...(flags.dataDir ? { dataDir: flags.dataDir } : {}) }).catch(
    (error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new UsageError(`port ${flags.port} on ${flags.host} is in use; pick another --port, or leave it out for a free one`);
      if (code === "EADDRNOTAVAIL") throw new UsageError(`--host ${flags.host} is not an address of this machine`);
      throw error;
    },
  );
  const lines = [`${style.green("●")} ${style.bold("direct-upload sandbox")} listening on ${style.cyan(sandbox.url)}`, ""];
  for (const connection of sandboxConnection(sandbox.vendors)) {
    lines.push(style.bold(connection.vendor));
    for (const [name, value] of Object.entries(connection.env)) lines.push(`  export ${name}=${value}`);
    lines.push(`  direct-upload upload <file> ${connection.args.join(" ")}`);
    const credentialFlags = connection.argsWithCredentials.slice(connection.args.length).join(" ");
    lines.push(style.dim(`  # or, instead of the exports: ${credentialFlags}`), "");
  }
  lines.push(style.dim(`Objects are stored in ${flags.dataDir ?? "a temporary directory"}. Press Ctrl-C to stop.`));
  io.stdout.write(`${lines.join("\n")}\n`);

  const signal = await waitForStopSignal();
  await sandbox.stop();
  io.stderr.write(`${style.dim(`sandbox stopped (${signal})`)}\n`);
  return 0;
}
