// A project outside the workspace installs the packed client tarballs from disk and type-checks calls to them,
// the way a user who runs `npm install @direct-upload/<vendor>-client` would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { VENDORS } from "./vendors.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules/typescript/bin/tsc");

function pack(pkgDir, dest) {
  execFileSync("pnpm", ["pack", "--pack-destination", dest], { cwd: join(root, pkgDir), stdio: "pipe" });
}

const usage = `
import { createOpenimClient } from "@direct-upload/openim-client";
import { createCloudbaseClient } from "@direct-upload/cloudbase-client";
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { createHbrClient } from "@direct-upload/hbr-client";
import { createPdsClient } from "@direct-upload/pds-client";
import { VendorApiError } from "@direct-upload/client-core";

export async function run(): Promise<string[]> {
  const openim = createOpenimClient({ baseUrl: "http://127.0.0.1:10002", token: "t" });
  const form = await openim.initiateFormData({ name: "u1/a.png", size: 1, contentType: "image/png" });
  // @ts-expect-error size is an int64 number: the packed types must reject a string
  await openim.initiateFormData({ name: "u1/a.png", size: "1" });
  const cloudbase = createCloudbaseClient({ envId: "env-1", token: () => "t" });
  const [item] = await cloudbase.getObjectsUploadInfo([{ objectId: "dir/a.png" }]);
  const koodrive = createKoodriveClient({ baseUrl: "http://127.0.0.1:1", userId: "u", auth: { type: "bearer", token: "t" } });
  const parts = await koodrive.getMultipartUploadUrl({ fileId: "f", multiParts: [{ partNumber: 1, partSize: 5242880 }] });
  const hbr = createHbrClient({ regionId: "cn-hangzhou", accessKeyId: "ak", accessKeySecret: "sk" });
  const temp = await hbr.createTempFileUploadUrl("a.txt");
  const pds = createPdsClient({ domainId: "bj1", token: "t" });
  const file = await pds.completeFile({ drive_id: "1", file_id: "f", upload_id: "u" });
  const error = new VendorApiError({ vendor: "x", operation: "y", status: 400, vendorCode: "c", vendorMessage: "m" });
  return [form.data.url, item?.ok ? item.result.uploadUrl : "", String(parts.multiParts?.length), temp.BucketName, String(file.content_hash), error.vendorCode];
}
`;

test("packed client tarballs type-check in a project outside the workspace", () => {
  const dir = mkdtempSync(join(tmpdir(), "du-packed-"));
  try {
    const tarballs = join(dir, "tarballs");
    pack("packages/client-core", tarballs);
    for (const vendor of VENDORS) pack(`packages/${vendor}-client`, tarballs);
    const files = readdirSync(tarballs);
    const dep = (name) => `file:./tarballs/${files.find((f) => f.startsWith(`direct-upload-${name}-`))}`;
    const dependencies = { "@direct-upload/client-core": dep("client-core") };
    for (const vendor of VENDORS) dependencies[`@direct-upload/${vendor}-client`] = dep(`${vendor}-client`);
    // client-core comes from its tarball too, not the registry, through an override.
    const pkg = { name: "consumer", private: true, type: "module", dependencies, overrides: { "@direct-upload/client-core": dep("client-core") } };
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2));
    writeFileSync(join(dir, "index.ts"), usage);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", lib: ["ES2022", "DOM"], noEmit: true, types: [] },
        files: ["index.ts"],
      }),
    );
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir, stdio: "pipe" });
    const out = execFileSync("node", [tsc, "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
    assert.equal(out.trim(), "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
