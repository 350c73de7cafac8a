import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, type FaultSpec, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxConnection, type SandboxConnection } from "../src/sandbox-connection.js";
import { jsonLines, randomFile, runCli } from "./helpers/harness.js";

/** One hostile reply: the route it hits, the fault, and the typed error and operation the CLI must report. */
interface Case {
  vendor: string;
  route: string;
  fault: FaultSpec | ((ctx: { secret: string; elsewhere: string }) => FaultSpec);
  code: string;
  operation: string;
  /** A file of several parts, where the case needs them. */
  multipart?: boolean;
}

const ALWAYS = 99;
// OpenIM and CloudBase report a 200 without their envelope as the vendor's own INVALID_ENVELOPE / INVALID_RESPONSE.
const HTML = (secret: string) => `<html><body>${"padding ".repeat(30)} token=${secret} \u0007 Bad Gateway</body></html>`;
const garbage = Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x80]);

const OPENIM = "/object/initiate_form_data";
const CLOUDBASE = "/v1/storages/get-objects-upload-info";
const KOODRIVE = "/koodrive/ose/v1/files/create";
const KOODRIVE_URLS = "/koodrive/ose/v1/files/multipart/uploadUrl";
const HBR = "CreateTempFileUploadUrl";
const PDS = "/v2/file/create";
const PDS_URLS = "/v2/file/get_upload_url";

const redirect = ({ elsewhere }: { elsewhere: string }): FaultSpec => ({ kind: "redirect", location: `${elsewhere}/steal`, times: ALWAYS });
const hold: FaultSpec = { kind: "hold", times: ALWAYS };
const stallMidBody: FaultSpec = { kind: "cut-reply", afterBytes: 12, then: "stall", times: ALWAYS };
const resetMidBody: FaultSpec = { kind: "cut-reply", afterBytes: 12, then: "reset", times: ALWAYS };
const huge: FaultSpec = { kind: "huge-reply", bytes: 2 * 1024 * 1024 };
const reply = (body: string | Buffer, status = 200): FaultSpec => ({ kind: "reply", status, body, times: ALWAYS });
const edit = (set: Record<string, unknown>): FaultSpec => ({ kind: "edit-reply", set, times: ALWAYS });

const CASES: Array<[string, Case]> = [
  ["openim truncated JSON", { vendor: "openim", route: "openim.initiate_form_data", fault: reply('{"errCode":0,"errMsg":"","da'), code: "openim_api_error", operation: OPENIM }],
  ["openim binary garbage", { vendor: "openim", route: "openim.initiate_form_data", fault: reply(garbage), code: "openim_api_error", operation: OPENIM }],
  [
    "openim HTML 502 holding the token",
    { vendor: "openim", route: "openim.initiate_form_data", fault: ({ secret }) => reply(HTML(secret), 502), code: "openim_api_error", operation: OPENIM },
  ],
  ["openim empty body", { vendor: "openim", route: "openim.initiate_form_data", fault: reply(""), code: "openim_api_error", operation: OPENIM }],
  ["openim header as a string", { vendor: "openim", route: "openim.initiate_form_data", fault: edit({ "/data/header": "x-a: b" }), code: "invalid_reply", operation: OPENIM }],
  ["openim without data.url", { vendor: "openim", route: "openim.initiate_form_data", fault: edit({ "/data/url": undefined }), code: "invalid_reply", operation: OPENIM }],
  ["openim file: URL", { vendor: "openim", route: "openim.initiate_form_data", fault: edit({ "/data/url": "file:///etc/passwd" }), code: "invalid_reply", operation: OPENIM }],
  ["openim errCode as a string", { vendor: "openim", route: "openim.initiate_form_data", fault: edit({ "/errCode": "0" }), code: "openim_api_error", operation: OPENIM }],
  ["openim cross-origin redirect", { vendor: "openim", route: "openim.initiate_form_data", fault: redirect, code: "vendor_redirect", operation: OPENIM }],
  ["openim stall before headers", { vendor: "openim", route: "openim.initiate_form_data", fault: hold, code: "transport_error", operation: OPENIM }],
  ["openim stall mid-body", { vendor: "openim", route: "openim.initiate_form_data", fault: stallMidBody, code: "transport_error", operation: OPENIM }],
  ["openim reset mid-body", { vendor: "openim", route: "openim.initiate_form_data", fault: resetMidBody, code: "transport_error", operation: OPENIM }],
  ["openim huge body", { vendor: "openim", route: "openim.initiate_form_data", fault: huge, code: "invalid_reply", operation: OPENIM }],
  [
    "openim complete with a numeric url",
    { vendor: "openim", route: "openim.complete_form_data", fault: edit({ "/data/url": 42 }), code: "invalid_reply", operation: "/object/complete_form_data" },
  ],

  [
    "cloudbase truncated JSON",
    { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: reply('[{"objectId":'), code: "cloudbase_api_error", operation: CLOUDBASE },
  ],
  [
    "cloudbase HTML on 200",
    { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: ({ secret }) => reply(HTML(secret)), code: "cloudbase_api_error", operation: CLOUDBASE },
  ],
  ["cloudbase empty body", { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: reply(""), code: "cloudbase_api_error", operation: CLOUDBASE }],
  [
    "cloudbase uploadUrl as a number",
    { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: edit({ "/0/uploadUrl": 5 }), code: "invalid_reply", operation: CLOUDBASE },
  ],
  [
    "cloudbase without authorization",
    { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: edit({ "/0/authorization": undefined }), code: "invalid_reply", operation: CLOUDBASE },
  ],
  [
    "cloudbase ftp: URL",
    { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: edit({ "/0/uploadUrl": "ftp://cos.example/o" }), code: "invalid_reply", operation: CLOUDBASE },
  ],
  ["cloudbase cross-origin redirect", { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: redirect, code: "vendor_redirect", operation: CLOUDBASE }],
  ["cloudbase stall before headers", { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: hold, code: "transport_error", operation: CLOUDBASE }],
  [
    "cloudbase reset before the answer",
    { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: { kind: "reset", afterBytes: 0, times: ALWAYS }, code: "transport_error", operation: CLOUDBASE },
  ],
  ["cloudbase huge body", { vendor: "cloudbase", route: "cloudbase.get-objects-upload-info", fault: huge, code: "invalid_reply", operation: CLOUDBASE }],

  ["koodrive plain-text 200", { vendor: "koodrive", route: "koodrive.create", fault: reply("OK"), code: "invalid_reply", operation: KOODRIVE }],
  ["koodrive code as an object", { vendor: "koodrive", route: "koodrive.create", fault: edit({ "/code": { value: 0 } }), code: "invalid_reply", operation: KOODRIVE }],
  ["koodrive without fileId", { vendor: "koodrive", route: "koodrive.create", fault: edit({ "/fileId": undefined }), code: "invalid_reply", operation: KOODRIVE }],
  ["koodrive empty body", { vendor: "koodrive", route: "koodrive.create", fault: reply(""), code: "invalid_reply", operation: KOODRIVE }],
  ["koodrive huge body", { vendor: "koodrive", route: "koodrive.create", fault: huge, code: "invalid_reply", operation: KOODRIVE }],
  [
    "koodrive javascript: part URL",
    { vendor: "koodrive", route: "koodrive.uploadUrl", fault: edit({ "/multiParts/0/uploadUrl": "javascript:alert(1)" }), code: "invalid_reply", operation: KOODRIVE_URLS },
  ],
  [
    "koodrive a part not asked for",
    { vendor: "koodrive", route: "koodrive.uploadUrl", fault: edit({ "/multiParts/0/partNumber": 7 }), code: "invalid_reply", operation: KOODRIVE_URLS },
  ],
  ["koodrive part URLs stall mid-body", { vendor: "koodrive", route: "koodrive.uploadUrl", fault: stallMidBody, code: "transport_error", operation: KOODRIVE_URLS }],
  ["koodrive complete redirects away", { vendor: "koodrive", route: "koodrive.complete", fault: redirect, code: "vendor_redirect", operation: "/koodrive/ose/v1/files/complete" }],

  ["hbr Success as a string", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: edit({ "/Success": "false" }), code: "invalid_reply", operation: HBR }],
  ["hbr without TempFileKey", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: edit({ "/TempFileKey": undefined }), code: "invalid_reply", operation: HBR }],
  ["hbr without Policy", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: edit({ "/Policy": undefined }), code: "invalid_reply", operation: HBR }],
  [
    "hbr HTML 503 holding the secret",
    { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: ({ secret }) => reply(HTML(secret), 503), code: "hbr_api_error", operation: HBR },
  ],
  ["hbr truncated JSON", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: reply('{"Success":true,"TempFileKey":"te'), code: "invalid_reply", operation: HBR }],
  ["hbr cross-origin redirect", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: redirect, code: "vendor_redirect", operation: HBR }],
  ["hbr stall before headers", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: hold, code: "transport_error", operation: HBR }],
  ["hbr reset mid-body", { vendor: "hbr", route: "hbr.create-temp-file-upload-url", fault: resetMidBody, code: "transport_error", operation: HBR }],

  ["pds truncated JSON", { vendor: "pds", route: "pds.create", fault: reply('{"file_id":"f1","upload_'), code: "invalid_reply", operation: PDS }],
  ["pds file_id as a number", { vendor: "pds", route: "pds.create", fault: edit({ "/file_id": 5 }), code: "invalid_reply", operation: PDS }],
  [
    "pds part 1 issued twice",
    { vendor: "pds", route: "pds.create", fault: edit({ "/part_info_list/1": { part_number: 1, upload_url: "http://127.0.0.1:9/x" } }), code: "invalid_reply", operation: PDS },
  ],
  ["pds missing parts", { vendor: "pds", route: "pds.get_upload_url", fault: edit({ "/part_info_list": [] }), code: "invalid_reply", operation: PDS_URLS, multipart: true }],
  [
    "pds file: part URL",
    { vendor: "pds", route: "pds.get_upload_url", fault: edit({ "/part_info_list/0/upload_url": "file:///tmp/x" }), code: "invalid_reply", operation: PDS_URLS, multipart: true },
  ],
  ["pds cross-origin redirect", { vendor: "pds", route: "pds.create", fault: redirect, code: "vendor_redirect", operation: PDS }],
  ["pds complete stalls before headers", { vendor: "pds", route: "pds.complete", fault: hold, code: "transport_error", operation: "/v2/file/complete" }],
  ["pds huge body", { vendor: "pds", route: "pds.create", fault: huge, code: "invalid_reply", operation: PDS }],
  ["pds reset mid-body", { vendor: "pds", route: "pds.create", fault: resetMidBody, code: "transport_error", operation: PDS }],
];

describe("direct-upload against a hostile vendor", () => {
  let sandbox: Sandbox;
  let elsewhere: Server;
  let elsewhereUrl: string;
  let elsewhereHits = 0;
  let dir: string;
  let small: string;
  let parts: string;
  let connections: Map<string, SandboxConnection>;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
    connections = new Map(sandboxConnection(sandbox.vendors).map((c) => [c.vendor, c]));
    // The origin the redirects point to: it must never see a request.
    elsewhere = createServer((_req, res) => {
      elsewhereHits++;
      res.writeHead(200).end("{}");
    });
    await new Promise<void>((done) => elsewhere.listen(0, "127.0.0.1", done));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), "cli-hostile-"));
    small = (await randomFile(dir, "small.bin", 4096)).path;
    parts = (await randomFile(dir, "parts.bin", 300 * 1024)).path;
  });
  afterAll(async () => {
    await sandbox?.stop();
    elsewhere?.closeAllConnections();
    await new Promise((done) => elsewhere?.close(done));
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => sandbox.faults.clear());

  /** Every credential the command gets, and any 8-character piece of one, must stay out of the output. */
  function expectNoCredential(connection: SandboxConnection, output: string): void {
    for (const secret of Object.values(connection.env)) {
      for (let i = 0; i + 8 <= secret.length; i++) expect(output).not.toContain(secret.slice(i, i + 8));
    }
  }

  // 0.3 s keeps the stall cases short; a case about anything else gets 10 s, so a busy machine cannot turn its fault
  // into a timeout that a retry then gets past.
  async function upload(connection: SandboxConnection, file: string, extra: string[] = [], timeout = "0.3") {
    return runCli(["upload", file, ...connection.args, "--json", "--timeout", timeout, ...extra], { env: connection.env });
  }

  function expectFailure(result: Awaited<ReturnType<typeof upload>>, connection: SandboxConnection, code: string, operation: string): void {
    expect(result.code).toBe(1);
    const [line] = jsonLines(result.stdout);
    const error = line!.error as { code: string; message: string };
    expect(line).toMatchObject({ ok: false, vendor: connection.vendor });
    expect(error.code).toBe(code);
    expect(error.message.startsWith(connection.vendor)).toBe(true);
    expect(error.message).toContain(operation);
    const failed = result.stderr.split("\n").filter((l) => l.includes("✖") && l.includes(operation));
    expect(failed.length).toBeGreaterThan(0);
    expectNoCredential(connection, result.stdout + result.stderr);
  }

  it("has at least 40 cases over all five vendors", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map(([, c]) => c.vendor))).toEqual(new Set(["openim", "cloudbase", "koodrive", "hbr", "pds"]));
  });

  it.each(CASES)("%s: a typed one-line error naming vendor and operation, and no credential", async (_name, c) => {
    const connection = connections.get(c.vendor)!;
    const secret = Object.values(connection.env).find((value) => value.length >= 8)!;
    const fault = typeof c.fault === "function" ? c.fault({ secret, elsewhere: elsewhereUrl }) : c.fault;
    sandbox.faults.arm(c.route, fault);
    const timeout = c.code === "transport_error" ? "0.3" : "10";
    const result = await upload(connection, c.multipart ? parts : small, c.multipart ? ["--part-size", "100KiB"] : [], timeout);
    expectFailure(result, connection, c.code, c.operation);
    expect(elsewhereHits).toBe(0);
  });

  it("stops a PDS resume whose list_uploaded_parts marker does not advance", async () => {
    const connection = connections.get("pds")!;
    const checkpoint = join(dir, "pds-marker.json");
    const args = ["--part-size", "100KiB", "--checkpoint", checkpoint];
    sandbox.faults.arm("pds.complete", { kind: "fail", times: ALWAYS, status: 503 });
    const first = await upload(connection, parts, args);
    expectFailure(first, connection, "pds_api_error", "/v2/file/complete");
    sandbox.faults.clear();
    sandbox.faults.arm("pds.list_uploaded_parts", edit({ "/next_part_number_marker": "1" }));
    const second = await upload(connection, parts, args);
    expectFailure(second, connection, "invalid_reply", "/v2/file/list_uploaded_parts");
    expect(jsonLines(second.stdout)[0]!.error).toMatchObject({ message: expect.stringContaining("/next_part_number_marker") });
  });

  it("drops the checkpoint of an upload KooDrive's chain check refused, and says so", async () => {
    const connection = connections.get("koodrive")!;
    const checkpoint = join(dir, "koodrive-chain.json");
    sandbox.faults.arm("koodrive.complete", { kind: "fail", times: 1, status: 409, code: "13000402", message: "chain check failed" });
    const result = await upload(connection, small, ["--checkpoint", checkpoint]);
    expectFailure(result, connection, "koodrive_api_error", "/koodrive/ose/v1/files/complete");
    expect(result.stderr).toMatch(/small\.bin: dropped its saved checkpoint \(a resume would fail the same way\); the next run starts over/);
    await expect(readFile(checkpoint, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("masks CloudBase's signed download URL in the human summary", async () => {
    const connection = connections.get("cloudbase")!;
    const result = await runCli(["upload", small, ...connection.args], { env: connection.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\?sign=\*\*\*&t=\d+/);
  });

  it("retries a stall before the headers and then uploads", async () => {
    const connection = connections.get("pds")!;
    sandbox.faults.arm("pds.create", { kind: "hold", times: 1 });
    const result = await upload(connection, small);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)[0]).toMatchObject({ ok: true, vendor: "pds" });
  });
});
