import { parseArgs } from "node:util";
import { startSandbox } from "./sandbox.js";

const USAGE = "usage: direct-upload-sandbox [--port N] [--host H] [--data-dir DIR]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string" }, host: { type: "string" }, "data-dir": { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0-65535, got ${values.port}`);
  const sandbox = await startSandbox({ port, host: values.host ?? "127.0.0.1", ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}) });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, admin: `${sandbox.url}/__sandbox/`, vendors: sandbox.vendors, s3: sandbox.s3 }, null, 2)}\n`);
  const stop = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`direct-upload-sandbox: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
});
