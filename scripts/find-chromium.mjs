// Finds the Chromium the browser tests drive: CHROMIUM_PATH, then a system Chromium or Chrome on PATH, then the
// headless Chromium shipped inside the @sparticuz/chromium devDependency, so `pnpm test` needs no system install.
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(pathVariable) {
  for (const dir of (pathVariable ?? "").split(delimiter).filter(Boolean)) {
    for (const name of SYSTEM_NAMES) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Unpacks the shipped Chromium (brotli files) into `cacheDir` once. The package unpacks into os.tmpdir(), so a child
 * process does it with TMPDIR pointed at a private folder, renamed into place: parallel test runs never see half a file.
 */
function unpackShipped(cacheDir, env) {
  const require = createRequire(join(root, "package.json"));
  const pkgDir = dirname(dirname(require.resolve("@sparticuz/chromium")));
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const target = join(cacheDir, `sparticuz-chromium-${version}`);
  if (!existsSync(join(target, "chromium"))) {
    const staging = `${target}.${process.pid}`;
    mkdirSync(staging, { recursive: true });
    // The libraries (NSS, expat) come from the al2023 archive, so a machine without them still runs the binary.
    const unpack = `import c, { inflate } from "@sparticuz/chromium"; await c.executablePath(); await inflate(${JSON.stringify(join(pkgDir, "bin", "al2023.tar.br"))});`;
    execFileSync(process.execPath, ["--input-type=module", "-e", unpack], { cwd: root, env: { ...process.env, TMPDIR: staging }, stdio: "pipe" });
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run got there first
    }
  }
  return {
    executablePath: join(target, "chromium"),
    env: { ...env, LD_LIBRARY_PATH: join(target, "al2023", "lib"), FONTCONFIG_PATH: join(target, "fonts") },
    source: "@sparticuz/chromium",
  };
}

/**
 * Where Chromium is, the environment to launch it with (undefined: the caller's own) and which rule found it.
 * `env` defaults to process.env (CHROMIUM_PATH, PATH); `cacheDir` is where the shipped one is unpacked.
 */
export function findChromium({ env = process.env, cacheDir = join(root, "node_modules", ".cache") } = {}) {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, env: undefined, source: "CHROMIUM_PATH" };
  const system = onPath(env.PATH);
  if (system) return { executablePath: system, env: undefined, source: "system" };
  return unpackShipped(cacheDir, env);
}
