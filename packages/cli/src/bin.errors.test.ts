import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { vendorDescriptors } from "@direct-upload/upload-executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxConnection, type SandboxConnection } from "./sandbox-connection.js";
import { jsonLines, randomFile, runCli } from "../test/helpers/harness.js";

describe("direct-upload errors", () => {
  let sandbox: Sandbox;
  let dir: string;
  let file: string;
  let connections: Map<string, SandboxConnection>;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
    connections = new Map(sandboxConnection(sandbox.vendors).map((c) => [c.vendor, c]));
    dir = await mkdtemp(join(tmpdir(), "cli-errors-"));
    file = (await randomFile(dir, "a.bin", 4096)).path;
  });
  afterAll(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const ok = ["--vendor", "openim", "--endpoint", "http://127.0.0.1:9", "--token", "t0ken-value"];
  it.each([
    ["no vendor", ["--endpoint", "http://127.0.0.1:9"], /required option '--vendor <name>' not specified/],
    ["an unknown vendor", ["--vendor", "dropbox", "--endpoint", "http://127.0.0.1:9"], /'dropbox' is invalid\. Allowed choices are openim, cloudbase, koodrive, hbr, pds/],
    ["no endpoint", ["--vendor", "openim", "--token", "x"], /required option '--endpoint <url>' not specified/],
    ["an endpoint that is not http(s)", ["--vendor", "openim", "--endpoint", "ftp://host", "--token", "t"], /--endpoint must be an http:\/\/ or https:\/\/ URL/],
    ["no credential", ["--vendor", "pds", "--endpoint", "http://127.0.0.1:9", "--drive-id", "1"], /pds needs --token \(or the PDS_TOKEN environment variable\)/],
    ["a bad number", [...ok, "--concurrency", "lots"], /--concurrency must be a whole number from 1 to 64/],
    ["a bad part size", [...ok, "--part-size", "5XB"], /--part-size <size>' argument '5XB' is invalid\. Use bytes or a unit/],
    ["--hash with a vendor other than pds", [...ok, "--hash", "sha1"], /--hash is only for pds, not openim/],
    [
      "a part size above the vendor's largest part",
      ["--vendor", "pds", "--endpoint", "http://127.0.0.1:9", "--token", "t", "--drive-id", "1", "--part-size", "6GiB"],
      /--part-size 6442450944 is above PDS's largest part \(5368709120 bytes\)/,
    ],
    ["a flag of another vendor", [...ok, "--drive-id", "9"], /--drive-id is not used by openim/],
  ])("refuses %s with exit code 2", async (_case, args, message) => {
    const result = await runCli(["upload", file, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("refuses a missing file and a directory with exit code 2", async () => {
    const missing = await runCli(["upload", join(dir, "nope.bin"), ...ok]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.bin: no such file/);
    const directory = await runCli(["upload", dir, ...ok]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toMatch(/is a directory; pass the files inside it/);
  });

  it.each(vendorDescriptors.map((vendor) => vendor.name))("reports %s's own error for a wrong credential, exits 1, and never prints the secret", async (vendor) => {
    const connection = connections.get(vendor)!;
    const wrong = `wrong-secret-${vendor}-4f9a1c`;
    const env = { ...connection.env };
    for (const setting of vendorDescriptors.find((descriptor) => descriptor.name === vendor)!.settings)
      if (setting.secret && setting.key !== "accessKeyId") env[setting.env] = wrong;
    const result = await runCli(["upload", file, ...connection.args, "--json"], { env });

    expect(result.code).toBe(1);
    const [line] = jsonLines(result.stdout);
    const error = line!.error as { vendorCode: string; vendorMessage: string };
    expect(line).toMatchObject({ ok: false, vendor });
    expect(error.vendorCode).toBeTruthy();
    expect(result.stderr).toContain(error.vendorCode);
    expect(result.stderr).toContain(error.vendorMessage);
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });
});
