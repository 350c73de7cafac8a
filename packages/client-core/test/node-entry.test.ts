// In Node, the package name resolves to the "node" entry, whose vendorFetch sends over node:http. Node's fetch
// (undici) would add `sec-fetch-mode: cors` to every request: the server below sees whether it came.
import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as core from "@direct-upload/client-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const seen: IncomingHttpHeaders[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((done) => server.close(done)));

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** Whether the last request the server saw came from Node's fetch. */
const lastFromUndici = () => seen.at(-1)?.["sec-fetch-mode"] !== undefined;

it("resolves to vendorFetch over node:http, and the fetch given still wins", async () => {
  expect(await (await core.vendorFetch()(new Request(url))).json()).toEqual({});
  expect(lastFromUndici()).toBe(false);
  await (await core.vendorFetch({ fetch: globalThis.fetch })(new Request(url))).text();
  expect(lastFromUndici()).toBe(true);
});

it.each([
  ["import", ["--input-type=module", "-e", "import { vendorFetch } from '@direct-upload/client-core'; await (await vendorFetch()(new Request(process.argv[1]))).text();"]],
  ["require", ["-e", "require('@direct-upload/client-core').vendorFetch()(new Request(process.argv[1])).then((r) => r.text());"]],
])("resolves to it for Node's %s", async (_, args) => {
  const before = seen.length;
  await run(process.execPath, [...args, url], { cwd: packageDir });
  expect(seen.length).toBe(before + 1);
  expect(lastFromUndici()).toBe(false);
});

it("keeps one brand for the errors of both entries", async () => {
  const anyRuntime = (await import(new URL("../dist/index.js", import.meta.url).href)) as typeof core;
  expect(anyRuntime.vendorFetch).not.toBe(core.vendorFetch);
  expect(core.TransportError.is(new anyRuntime.TransportError("acme", "create", new TypeError("fetch failed")))).toBe(true);
  expect(anyRuntime.DirectUploadError.is(new core.InvalidReplyError("acme", "create", "", "must be JSON"))).toBe(true);
});
