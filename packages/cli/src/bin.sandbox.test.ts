import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { vendorDescriptors } from "@direct-upload/upload-executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, randomFile, runCli, startCli, type CliProcess } from "../test/helpers/harness.js";

/** Collects a running process's stdout until `pattern` shows up (or 10 s pass). */
async function waitForOutput(child: CliProcess["child"], pattern: RegExp): Promise<string> {
  let out = "";
  child.stdout!.on("data", (chunk: string) => (out += chunk));
  for (let i = 0; i < 200 && !pattern.test(out); i++) await sleep(50);
  return out;
}

describe("direct-upload sandbox", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cli-sandbox-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints working env lines and flags for every vendor, and stops cleanly on SIGTERM", async () => {
    const sandbox = startCli(["sandbox", "--data-dir", join(dir, "data")]);
    const printed = await waitForOutput(sandbox.child, /Press Ctrl-C to stop/);
    expect(printed).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    for (const { name } of vendorDescriptors) expect(printed).toContain(`--vendor ${name} --endpoint http://127.0.0.1:`);

    // Follow the printed instructions for OpenIM, as a user would.
    const start = printed.indexOf("\nopenim\n");
    const section = printed.slice(start, printed.indexOf("\n\n", start + 1));
    const env = Object.fromEntries([...section.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(env)).toEqual(["OPENIM_TOKEN", "OPENIM_USER_ID"]);
    const flags = /direct-upload upload <file> (.+)$/m.exec(section)![1]!.split(" ");
    const file = await randomFile(dir, "hello.txt", 2048);
    const upload = await runCli(["upload", file.path, ...flags, "--json"], { env });
    expect(upload.code, upload.stderr).toBe(0);
    expect(jsonLines(upload.stdout)[0]).toMatchObject({ ok: true, sha256: file.sha256 });

    sandbox.child.kill("SIGTERM");
    const stopped = await sandbox.done;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain("sandbox stopped (SIGTERM)");
  });

  it("refuses a port that is taken with exit code 2", async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, "127.0.0.1", listening));
    const { port } = taken.address() as { port: number };
    try {
      const result = await runCli(["sandbox", "--port", String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      taken.close();
    }
  });
});
