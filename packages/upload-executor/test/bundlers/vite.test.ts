// The packed tarballs, installed with npm into a fresh app outside the workspace, built by Vite 8 for production and
// served by its dev server with the README's configuration, upload through the sandbox in Chromium: PDS and KooDrive
// multipart (hashed in the worker) and OpenIM's form POST.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { chromium, type Browser } from "playwright";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findChromium } from "../../../../scripts/find-chromium.mjs";
import { serveStatic, type StaticServer } from "./static-server.js";

const root = resolve(import.meta.dirname, "../../../..");
const PACKAGES = ["client-core", "openim-client", "cloudbase-client", "koodrive-client", "hbr-client", "pds-client", "upload-executor"];

const page = `
import { createKoodriveClient } from "@direct-upload/koodrive-client";
import { createOpenimClient } from "@direct-upload/openim-client";
import { createPdsClient } from "@direct-upload/pds-client";
import { fromBlob, uploadToKoodrive, uploadToOpenim, uploadToPds } from "@direct-upload/upload-executor";

const bytes = (size) => new Blob([Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 255)]);
window.runUploads = async ({ pds, koodrive, openim }) => {
  const results = [];
  const pdsClient = createPdsClient({ baseUrl: pds.baseUrl, token: pds.token });
  results.push(await uploadToPds({ client: pdsClient, driveId: pds.driveId, source: fromBlob(new File([bytes(300 * 1024 + 5)], "p.bin")), partSize: 100 * 1024, rapid: "off" }));
  const kdClient = createKoodriveClient({ baseUrl: koodrive.baseUrl, userId: koodrive.userId, auth: { type: "bearer", token: koodrive.token } });
  results.push(await uploadToKoodrive({ client: kdClient, source: fromBlob(new File([bytes(5 * 1024 * 1024 + 9)], "k.bin")) }));
  const imClient = createOpenimClient({ baseUrl: openim.baseUrl, token: openim.token });
  results.push(await uploadToOpenim({ client: imClient, source: fromBlob(new File([bytes(1000)], "o.png", { type: "image/png" })), name: openim.userId + "/o.png" }));
  return results.map(({ vendor, bytes, sha256 }) => ({ vendor, bytes, sha256 }));
};
`;

const PDS_PAGE = `
import { createPdsClient } from "@direct-upload/pds-client";
import { fromBlob, uploadToPds } from "@direct-upload/upload-executor";

const client = createPdsClient({ baseUrl: location.origin, token: "t" });
document.querySelector("input").addEventListener("change", (event) => uploadToPds({ client, driveId: "1", source: fromBlob(event.target.files[0]) }));
`;

/** The app's own Vite (not the workspace's), as far as this test uses it. */
interface ViteApi {
  createServer(config: object): Promise<{ listen(): Promise<unknown>; resolvedUrls: { local: string[] } | null; close(): Promise<void> }>;
}

let dir: string;
let sandbox: Sandbox;
let server: StaticServer;
let dev: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "du-vite-"));
  const tarballs = join(dir, "tarballs");
  for (const name of PACKAGES) execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(root, "packages", name), stdio: "pipe" });
  const files = readdirSync(tarballs);
  const dep = (name: string) => `file:./tarballs/${files.find((file) => file.startsWith(`direct-upload-${name}-`))}`;
  const dependencies = Object.fromEntries(PACKAGES.map((name) => [`@direct-upload/${name}`, dep(name)]));
  // The packages' own workspace:* ranges point at the same tarballs, not the registry.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: "module", dependencies, devDependencies: { vite: "8.4.0" }, overrides: dependencies }));
  // The README's dev-server advice; a production build ignores it.
  writeFileSync(join(dir, "vite.config.js"), `export default { optimizeDeps: { exclude: ["@direct-upload/upload-executor"] } };`);
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src/main.js"), page);
  writeFileSync(join(dir, "index.html"), `<!doctype html><script type="module" src="/src/main.js"></script>`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir, stdio: "pipe" });
  // A one-vendor page as well: the other vendors must be dropped.
  mkdirSync(join(dir, "pds"));
  writeFileSync(join(dir, "pds/main.js"), PDS_PAGE);
  writeFileSync(join(dir, "pds/index.html"), `<!doctype html><input type="file"><script type="module" src="./main.js"></script>`);
  const vite = join(dir, "node_modules/vite/bin/vite.js");
  execFileSync(process.execPath, [vite, "build", "--logLevel", "error"], { cwd: dir, stdio: "pipe" });
  execFileSync(process.execPath, [vite, "build", "pds", "--outDir", "../dist-pds", "--logLevel", "error"], { cwd: dir, stdio: "pipe" });
  server = await serveStatic(join(dir, "dist"));
  const vitePath = createRequire(join(dir, "package.json")).resolve("vite");
  const { createServer } = (await import(pathToFileURL(vitePath).href)) as ViteApi;
  const viteServer = await createServer({ root: dir, logLevel: "error", server: { host: "127.0.0.1", port: 0 } });
  await viteServer.listen();
  dev = { url: viteServer.resolvedUrls!.local[0]!.replace(/\/$/, ""), close: () => viteServer.close() };
  sandbox = await startSandbox();
  const found = findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, env: found.env, headless: true, args: ["--no-sandbox"] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  await server?.close();
  await dev?.close();
  rmSync(dir, { recursive: true, force: true });
});

const builds = { "a Vite 8 production build": () => server.url, "the Vite 8 dev server": () => dev.url };

it.each(Object.entries(builds))("%s uploads with the worker and retries one-shot 503/500 answers of PDS and KooDrive", { timeout: 120_000 }, async (_, url) => {
  const tab = await browser.newPage();
  const workers: string[] = [];
  tab.on("worker", (worker) => workers.push(worker.url()));
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(error.message));
  await tab.goto(`${url()}/`);
  await tab.waitForFunction(() => "runUploads" in window);
  const routes = ["pds.get_upload_url", "koodrive.uploadUrl"];
  const hits = routes.map((route) => sandbox.faults.hits(route));
  sandbox.faults.arm("pds.get_upload_url", { kind: "fail", times: 1, status: 503, code: "ServiceUnavailable", message: "busy" });
  sandbox.faults.arm("koodrive.uploadUrl", { kind: "fail", times: 1, status: 500, code: "13000201", message: "INNER_INVOKE_FAILURE" });
  const results = await tab.evaluate((vendors) => (window as unknown as { runUploads(v: unknown): Promise<Array<{ vendor: string; bytes: number; sha256: string }>> }).runUploads(vendors), sandbox.vendors);
  expect(errors).toEqual([]);
  expect(results.map((result) => [result.vendor, result.bytes])).toEqual([["pds", 300 * 1024 + 5], ["koodrive", 5 * 1024 * 1024 + 9], ["openim", 1000]]);
  for (const result of results) expect(sandbox.objects.list().some((object) => object.sha256 === result.sha256 && object.size === result.bytes)).toBe(true);
  expect(routes.map((route, i) => sandbox.faults.hits(route) - hits[i]! >= 2)).toEqual([true, true]);
  expect(workers.some((worker) => /hash-worker/.test(worker)), workers.join(", ")).toBe(true);
  await tab.close();
});

it("a one-vendor page (PDS) ships its worker and none of the other vendors' flows or clients", () => {
  const assets = join(dir, "dist-pds/assets");
  const scripts = readdirSync(assets).filter((file) => file.endsWith(".js"));
  expect(scripts.some((file) => file.startsWith("hash-worker")), scripts.join(", ")).toBe(true);
  const code = scripts.map((file) => readFileSync(join(assets, file), "utf8")).join("\n");
  for (const other of ["initiate_form_data", "get-objects-upload-info", "CreateTempFileUploadUrl", "multipart/uploadUrl"]) expect(code).not.toContain(other);
  expect(code).toContain("get_upload_url");
});
