import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { vendorDescriptors } from "@direct-upload/upload-executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxConnection, type SandboxConnection } from "./sandbox-connection.js";
import { jsonLines, randomFile, runCli } from "../test/helpers/harness.js";

const MiB = 1024 * 1024;

describe("direct-upload upload, against a real sandbox", () => {
  let sandbox: Sandbox;
  let dir: string;
  let connections: Map<string, SandboxConnection>;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
    connections = new Map(sandboxConnection(sandbox.vendors).map((c) => [c.vendor, c]));
    dir = await mkdtemp(join(tmpdir(), "cli-upload-"));
  });
  afterAll(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(vendorDescriptors.map((vendor) => vendor.name))("uploads to %s and the stored object has the source's SHA-256", async (vendor) => {
    // Over two 5 MiB parts for the multipart vendors, with an odd tail.
    const file = await randomFile(dir, `${vendor}-sample.bin`, 11 * MiB + 7);
    const connection = connections.get(vendor)!;
    const result = await runCli(["upload", file.path, ...connection.args, "--part-size", "5MiB", "--json"], { env: connection.env });
    expect(result.code, result.stderr).toBe(0);

    const [line] = jsonLines(result.stdout);
    expect(line).toMatchObject({ ok: true, vendor, bytes: file.size, sha256: file.sha256 });
    const stored = sandbox.objects.list().filter((object) => object.vendor === vendor && object.sha256 === file.sha256);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.size).toBe(file.size);
  });

  it("uploads to a PDS share link with --share-id and the share token alone, no access token or drive id", async () => {
    const file = await randomFile(dir, "pds-share.bin", 300 * 1024 + 5);
    const { baseUrl, shareId, shareToken } = sandbox.vendors.pds!;
    const args = ["upload", file.path, "--vendor", "pds", "--endpoint", baseUrl!, "--share-id", shareId!, "--json"];
    const result = await runCli(args, { env: { PDS_SHARE_TOKEN: shareToken! } });
    expect(result.code, result.stderr).toBe(0);
    expect(jsonLines(result.stdout)[0]).toMatchObject({ ok: true, vendor: "pds", bytes: file.size, sha256: file.sha256 });
    expect(sandbox.objects.list().filter((object) => object.vendor === "pds" && object.sha256 === file.sha256)).toHaveLength(1);

    const unauthenticated = await runCli(args);
    expect(unauthenticated.code).toBe(2);
    expect(unauthenticated.stderr).toContain("pds needs --token (or the PDS_TOKEN environment variable), or --share-token");
  });

  it("passes --on-conflict, --rapid and --flash to the flows: an existing name is kept, known content is not sent again", async () => {
    const pds = connections.get("pds")!;
    const file = await randomFile(dir, "pds-conflict.bin", 300 * 1024 + 9);
    const copy = join(dir, "pds-conflict-copy.bin");
    await copyFile(file.path, copy);
    const upload = async (path: string, connection: SandboxConnection, flags: string[]) => {
      const result = await runCli(["upload", path, ...connection.args, ...flags, "--json"], { env: connection.env });
      expect(result.code, result.stderr).toBe(0);
      return jsonLines(result.stdout)[0];
    };
    const stored = (vendor: string) => sandbox.objects.list().filter((object) => object.vendor === vendor && object.sha256 === file.sha256).length;
    expect(await upload(file.path, pds, ["--rapid", "off"])).not.toHaveProperty("rapid");
    expect(await upload(file.path, pds, ["--on-conflict", "refuse"])).toMatchObject({ ok: true, existed: true, sha256: file.sha256 });
    expect(await upload(copy, pds, [])).toMatchObject({ ok: true, rapid: true, sha256: file.sha256 });
    expect(stored("pds")).toBe(1);
    expect(await upload(copy, pds, ["--rapid", "off", "--on-conflict", "auto_rename"])).not.toHaveProperty("rapid");
    expect(stored("pds")).toBe(2);

    const koodrive = connections.get("koodrive")!;
    expect(await upload(file.path, koodrive, ["--flash", "on"])).not.toHaveProperty("rapid");
    expect(await upload(copy, koodrive, ["--flash", "on"])).toMatchObject({ ok: true, rapid: true, sha256: file.sha256 });
    expect(stored("koodrive")).toBe(1);
  });

  it("uploads to KooDrive in serial mode with --upload-mode serial", async () => {
    const file = await randomFile(dir, "koodrive-serial.bin", 11 * MiB + 3);
    const connection = connections.get("koodrive")!;
    const result = await runCli(["upload", file.path, ...connection.args, "--upload-mode", "serial", "--part-size", "5MiB", "--json"], { env: connection.env });
    expect(result.code, result.stderr).toBe(0);
    expect(jsonLines(result.stdout)[0]).toMatchObject({ ok: true, vendor: "koodrive", bytes: file.size, sha256: file.sha256 });
    expect(sandbox.objects.list().filter((object) => object.vendor === "koodrive" && object.sha256 === file.sha256)).toHaveLength(1);
  });

  it.each([
    ["koodrive", 5 * MiB + 1, 5 * MiB + 64, /multiples of 64 bytes/],
    ["koodrive", MiB, 5 * MiB, /smallest part is 5242880 bytes/],
    ["pds", 4096, 100 * 1024, /smallest part is 102400 bytes/],
  ])("says when %s changes --part-size %i (to %i), on stderr and in --json", async (vendor, requested, used, reason) => {
    const file = await randomFile(dir, `${vendor}-${requested}.bin`, 6 * MiB);
    const connection = connections.get(vendor)!;
    const result = await runCli(["upload", file.path, ...connection.args, "--part-size", String(requested), "--json"], { env: connection.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`--part-size ${requested} became ${used} bytes: .*${reason.source}`));
    expect(jsonLines(result.stdout)[0]).toMatchObject({ ok: true, partSize: { requested, used, reason: expect.stringMatching(reason) } });
  });

  it("--json prints exactly one parseable line per file and nothing else on stdout", async () => {
    const small = await randomFile(dir, "one.txt", 1024);
    const other = await randomFile(dir, "two.txt", 3000);
    const connection = connections.get("openim")!;
    const result = await runCli(["upload", small.path, other.path, ...connection.args, "--json"], { env: connection.env });
    expect(result.code, result.stderr).toBe(0);

    // Files upload in parallel, so lines come in the order they finish.
    const lines = jsonLines(result.stdout).sort((a, b) => String(a.file).localeCompare(String(b.file)));
    expect(lines).toHaveLength(2);
    for (const [line, file] of [
      [lines[0]!, small],
      [lines[1]!, other],
    ] as const) {
      expect(line).toMatchObject({ ok: true, vendor: "openim", file: file.path, bytes: file.size, sha256: file.sha256 });
      expect(typeof line.seconds).toBe("number");
      // The remote identity a script needs to find the object again.
      expect(typeof (line.url ?? line.key)).toBe("string");
    }
    // Progress and the summary went to stderr.
    expect(result.stderr).toMatch(/2 uploaded to openim/);
  });

  it("prints a readable summary on stdout without --json", async () => {
    const file = await randomFile(dir, "report.pdf", 256 * 1024);
    const connection = connections.get("cloudbase")!;
    const result = await runCli(["upload", file.path, ...connection.args], { env: connection.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✔ .*report\.pdf\s+256\.0 KiB/);
    expect(result.stdout).toMatch(/1 uploaded to cloudbase · 256\.0 KiB in/);
    // Off a terminal, progress is plain lines on stderr.
    expect(result.stderr).toMatch(/report\.pdf: done, 256\.0 KiB in/);
  });
});
