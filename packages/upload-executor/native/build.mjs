// Compiles the addon for this platform with node-gyp and copies it to prebuilds/<platform>-<arch>/, beside
// built-from.json: the SHA-256 of each source and of the binary (test/native-prebuild.test.ts fails when they drift).
// Run by `pnpm --filter @direct-upload/upload-executor build:native`; install, build and test never compile C.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const native = fileURLToPath(new URL("./", import.meta.url));
const sha256 = (path) =>
  createHash("sha256")
    .update(readFileSync(join(native, path)))
    .digest("hex");

// Node's own headers (OpenSSL's included) where they are installed beside the binary, so node-gyp downloads nothing.
const prefix = dirname(dirname(process.execPath));
const nodedir = existsSync(join(prefix, "include/node/node_api.h")) ? [`--nodedir=${prefix}`] : [];
execFileSync("node-gyp", ["rebuild", `--directory=${native}`, ...nodedir], { stdio: "inherit" });

const target = `prebuilds/${process.platform}-${process.arch}`;
mkdirSync(join(native, target), { recursive: true });
copyFileSync(join(native, "build/Release/direct_upload_midstate.node"), join(native, target, "direct_upload_midstate.node"));

const sources = ["binding.gyp", ...readdirSync(join(native, "src")).map((file) => `src/${file}`)].sort();
const record = {
  node: process.version,
  sources: Object.fromEntries(sources.map((path) => [path, sha256(path)])),
  binary: sha256(`${target}/direct_upload_midstate.node`),
};
writeFileSync(join(native, target, "built-from.json"), `${JSON.stringify(record, null, 2)}\n`);
console.log(`wrote native/${target}/direct_upload_midstate.node`);
