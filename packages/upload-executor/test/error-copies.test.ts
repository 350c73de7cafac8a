// Bundlers and package managers can load several copies of client-core (one per client, ESM beside CJS): the
// executor must still recognise and retry the errors another copy made.
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as core from "@direct-upload/client-core";
import type { createKoodriveClient } from "@direct-upload/koodrive-client";
import type { createPdsClient } from "@direct-upload/pds-client";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyFailure } from "../src/core/classify.js";
import { fromUint8Array } from "../src/core/source.js";
import { uploadToKoodrive } from "../src/vendors/koodrive/koodrive.js";
import { uploadToPds } from "../src/vendors/pds/pds.js";
import { sha256Hex, testBytes, testEngine } from "./helpers/flow.js";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(realpathSync(require.resolve(`${name}/package.json`)));

interface ClientCopy {
  core: typeof core;
  createPdsClient: typeof createPdsClient;
  createKoodriveClient: typeof createKoodriveClient;
}

let dir: string;
let sandbox: Sandbox;
const copies: Record<"esm" | "cjs", ClientCopy> = {} as Record<"esm" | "cjs", ClientCopy>;

beforeAll(async () => {
  // A second install tree: its own client-core, PDS and KooDrive clients (the built packages, copied).
  dir = mkdtempSync(join(tmpdir(), "du-copies-"));
  const modules = join(dir, "node_modules");
  for (const name of ["client-core", "pds-client", "koodrive-client"]) {
    const from = packageDir(`@direct-upload/${name}`);
    for (const entry of ["package.json", "dist"]) cpSync(join(from, entry), join(modules, "@direct-upload", name, entry), { recursive: true });
  }
  symlinkSync(packageDir("openapi-fetch"), join(modules, "openapi-fetch"), "dir");
  const load = async (name: string) => import(pathToFileURL(join(modules, "@direct-upload", name, "dist/index.js")).href);
  copies.esm = { core: await load("client-core"), ...(await load("pds-client")), ...(await load("koodrive-client")) };
  const requireCopy = createRequire(join(dir, "index.cjs"));
  copies.cjs = {
    core: requireCopy("@direct-upload/client-core"),
    ...requireCopy("@direct-upload/pds-client"),
    ...requireCopy("@direct-upload/koodrive-client"),
  };
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sources = { "an ESM copy": "esm", "a CJS copy": "cjs" } as const;

describe.each(Object.entries(sources))("errors from %s of client-core", { timeout: 30_000 }, (_, kind) => {
  it("are recognised by class and code, though instanceof fails across copies", () => {
    const other = copies[kind].core;
    const error = new other.VendorApiError({ vendor: "pds", operation: "get_upload_url", status: 503, vendorCode: "InternalError", vendorMessage: "busy" });
    expect(other.DirectUploadError).not.toBe(core.DirectUploadError);
    expect(error).not.toBeInstanceOf(core.DirectUploadError);
    expect(core.DirectUploadError.is(error)).toBe(true);
    expect(core.VendorApiError.is(error)).toBe(true);
    expect(core.TransportError.is(error)).toBe(false);
    expect(error.name).toBe("VendorApiError");
    expect(classifyFailure(error)).toBe("retry");
    expect(classifyFailure(new other.VendorApiError({ vendor: "pds", operation: "create", status: 400, vendorCode: "BadRequest", vendorMessage: "" }))).toBe("fatal");
  });

  it("are retried: a one-shot 503 from PDS get_upload_url", async () => {
    const info = sandbox.vendors.pds!;
    const client = copies[kind].createPdsClient({ baseUrl: info.baseUrl!, token: info.token! });
    const bytes = testBytes(250 * 1024, 3);
    const hits = sandbox.faults.hits("pds.get_upload_url");
    sandbox.faults.arm("pds.get_upload_url", { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable", message: "busy" });
    const result = await uploadToPds({
      client,
      driveId: info.driveId!,
      source: fromUint8Array(bytes, `copy-${kind}.bin`),
      partSize: 100 * 1024,
      rapid: "off",
      engine: testEngine(),
    });
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(sandbox.faults.hits("pds.get_upload_url") - hits).toBeGreaterThanOrEqual(2);
    expect(sandbox.objects.list().find((o) => o.vendor === "pds" && o.sha256 === result.sha256)?.size).toBe(bytes.byteLength);
  });

  it("are retried: a one-shot 500 from KooDrive uploadUrl", async () => {
    const info = sandbox.vendors.koodrive!;
    const client = copies[kind].createKoodriveClient({ baseUrl: info.baseUrl!, userId: info.userId!, auth: { type: "bearer", token: info.token! } });
    const bytes = testBytes(5 * 1024 * 1024 + 7, 4);
    const hits = sandbox.faults.hits("koodrive.uploadUrl");
    sandbox.faults.arm("koodrive.uploadUrl", { kind: "fail", times: 1, status: 500, code: "13000201", message: "INNER_INVOKE_FAILURE" });
    const result = await uploadToKoodrive({ client, source: fromUint8Array(bytes, `copy-${kind}.bin`), engine: testEngine() });
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(sandbox.faults.hits("koodrive.uploadUrl") - hits).toBeGreaterThanOrEqual(2);
    expect(sandbox.objects.list().find((o) => o.vendor === "koodrive" && o.sha256 === result.sha256)?.size).toBe(bytes.byteLength);
  });
});

it("the CJS build of client-core brands the same way as the ESM build", () => {
  const cjs = require("@direct-upload/client-core") as typeof core;
  const error = new cjs.TransportError("koodrive", "create", new TypeError("fetch failed"));
  expect(cjs.DirectUploadError).not.toBe(core.DirectUploadError);
  expect(core.TransportError.is(error)).toBe(true);
  expect(cjs.TransportError.is(new core.TransportError("pds", "create", new TypeError("fetch failed")))).toBe(true);
  expect(classifyFailure(error)).toBe("retry");
});
