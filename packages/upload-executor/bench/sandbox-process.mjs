// The sandbox in its own process (its hashing and disk writes must not share the uploader's event loop), for the
// KooDrive benches. Resolves { url, vendors, stop() }; stop() closes it and removes its data directory. By default
// it verifies part chains with this package's native addon (`startSandboxProcess({ midstateAddon: undefined })`
// keeps its pure-JS SHA, the old path).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../", import.meta.url));

const script = `
  import { startSandbox } from "@direct-upload/sandbox";
  const sandbox = await startSandbox(JSON.parse(process.argv[1]));
  console.log(JSON.stringify({ url: sandbox.url, vendors: sandbox.vendors }));
  process.stdin.resume();
  process.stdin.on("end", () => sandbox.stop().then(() => process.exit(0)));
`;

/** The prebuilt chained-SHA addon this package ships for this platform. */
const nativeAddon = fileURLToPath(new URL(`../native/prebuilds/${process.platform}-${process.arch}/direct_upload_midstate.node`, import.meta.url));

export async function startSandboxProcess(options = { midstateAddon: nativeAddon }) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(options)], { cwd: packageDir, stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(child, "exit");
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), "line"),
    exited.then(([code]) => Promise.reject(new Error(`the sandbox process exited with ${code} before it started`))),
  ]);
  return {
    ...JSON.parse(line),
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
