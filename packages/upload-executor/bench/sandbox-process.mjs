// The sandbox in its own process (its hashing and disk writes must not share the uploader's event loop), for the
// KooDrive benches. Resolves { url, vendors, s3, cpuSeconds(), stop() }: cpuSeconds() is the process's user + system
// CPU so far (all its threads); stop() closes it and removes its data directory. By default
// it verifies part chains with this package's native addon (`startSandboxProcess({ midstateAddon: undefined })`
// keeps its pure-JS SHA, the old path).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { childCpuSeconds, REPORT_CPU_ON_STDIN } from "./process-cpu.mjs";

const packageDir = fileURLToPath(new URL("../", import.meta.url));

const script = `
  import { startSandbox } from "@direct-upload/sandbox";
  const sandbox = await startSandbox(JSON.parse(process.argv[1]));
  console.log(JSON.stringify({ url: sandbox.url, vendors: sandbox.vendors, s3: sandbox.s3 }));
  ${REPORT_CPU_ON_STDIN}
  process.stdin.on("end", () => sandbox.stop().then(() => process.exit(0)));
`;

/** The prebuilt chained-SHA addon this package ships for this platform. */
const nativeAddon = fileURLToPath(new URL(`../native/prebuilds/${process.platform}-${process.arch}/direct_upload_midstate.node`, import.meta.url));

export async function startSandboxProcess(options = { midstateAddon: nativeAddon }) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(options)], { cwd: packageDir, stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([once(lines, "line"), exited.then(([code]) => Promise.reject(new Error(`the sandbox process exited with ${code} before it started`)))]);
  return {
    ...JSON.parse(line),
    cpuSeconds: () => childCpuSeconds(child, lines),
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
