import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startSandbox, type Sandbox } from "@direct-upload/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxConnection } from "./sandbox-connection.js";
import { jsonLines, randomFile, runCli, startCli } from "../test/helpers/harness.js";

const MiB = 1024 * 1024;

/** Polls until the checkpoint holds this file and the fifth part request arrived (so two parts are finished). */
async function waitForSavedProgress(path: string, file: string, partRequests: () => number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (partRequests() >= 5 && existsSync(path)) {
      const saved = JSON.parse(await readFile(path, "utf8").catch(() => "{}")) as { uploads?: Record<string, unknown> };
      if (saved.uploads?.[file]) return;
    }
    await sleep(50);
  }
  throw new Error(`no checkpoint for ${file} appeared in ${path}`);
}

describe.each(["koodrive", "pds"] as const)("Ctrl-C during a %s upload, then the same command again", (vendor) => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
    dir = await mkdtemp(join(tmpdir(), "cli-resume-"));
  });
  afterAll(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("stops with exit code 130, keeps the checkpoint, and resumes to a byte-exact object", async () => {
    const file = await randomFile(dir, "big.bin", 64 * MiB);
    const checkpoint = join(dir, "upload.checkpoint.json");
    const connection = sandboxConnection(sandbox.vendors).find((c) => c.vendor === vendor)!;
    const args = ["upload", file.path, ...connection.args, "--part-size", "5MiB", "--concurrency", "2", "--checkpoint", checkpoint, "--json"];
    // Slow parts down so the signal lands mid-upload.
    sandbox.faults.arm(`${vendor}.part-put`, { kind: "delay", ms: 400, times: 1000 });

    const first = startCli(args, { env: connection.env });
    await waitForSavedProgress(checkpoint, file.path, () => sandbox.faults.hits(`${vendor}.part-put`));
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stdout).toBe("");
    expect(stopped.stderr).toContain(`Progress is saved in ${checkpoint}. Resume with:`);
    const saved = JSON.parse(await readFile(checkpoint, "utf8")) as { uploads: Record<string, { vendor: string }> };
    expect(saved.uploads[file.path]?.vendor).toBe(vendor);
    const partsBefore = sandbox.faults.hits(`${vendor}.part-put`);

    sandbox.faults.clear();
    const resumed = await runCli(args, { env: connection.env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resuming from ${checkpoint}`);
    const [line] = jsonLines(resumed.stdout);
    expect(line).toMatchObject({ ok: true, vendor, bytes: file.size, sha256: file.sha256, resumed: true });

    // One upload session across both runs, and fewer part requests than a full second upload would need.
    expect(sandbox.faults.hits(`${vendor}.create`)).toBe(1);
    expect(sandbox.faults.hits(`${vendor}.part-put`) - partsBefore).toBeLessThan(Math.ceil(file.size / (5 * MiB)));
    const stored = sandbox.objects.list().filter((object) => object.vendor === vendor);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sha256).toBe(file.sha256);
    expect(stored[0]!.size).toBe(file.size);
    // Nothing left to resume: the checkpoint file is gone.
    expect(existsSync(checkpoint)).toBe(false);
  });
});

describe("Ctrl-C while several files upload at once, then the same command again", () => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: "127.0.0.1", port: 0 });
    dir = await mkdtemp(join(tmpdir(), "cli-resume-many-"));
  });
  afterAll(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps a checkpoint per unfinished file and finishes every file byte-exact", async () => {
    const files = [await randomFile(dir, "a.bin", 24 * MiB), await randomFile(dir, "b.bin", 24 * MiB)];
    const checkpoint = join(dir, "many.checkpoint.json");
    const connection = sandboxConnection(sandbox.vendors).find((c) => c.vendor === "koodrive")!;
    const args = ["upload", ...files.map((f) => f.path), ...connection.args, "--part-size", "5MiB", "--concurrency", "4", "--checkpoint", checkpoint, "--json"];
    sandbox.faults.arm("koodrive.part-put", { kind: "delay", ms: 400, times: 1000 });

    const first = startCli(args, { env: connection.env });
    // Both files are in flight together: each gets its own entry before any part finishes.
    for (const file of files) await waitForSavedProgress(checkpoint, file.path, () => sandbox.faults.hits("koodrive.part-put"));
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    const saved = JSON.parse(await readFile(checkpoint, "utf8")) as { uploads: Record<string, unknown> };
    expect(Object.keys(saved.uploads).sort()).toEqual(files.map((f) => f.path).sort());

    sandbox.faults.clear();
    const resumed = await runCli(args, { env: connection.env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const lines = jsonLines(resumed.stdout);
    expect(lines.map((line) => line.file).sort()).toEqual(files.map((f) => f.path).sort());
    expect(lines.every((line) => line.resumed === true)).toBe(true);
    expect(sandbox.faults.hits("koodrive.create")).toBe(2);
    for (const file of files) {
      expect(sandbox.objects.list().find((o) => o.sha256 === file.sha256)?.size).toBe(file.size);
    }
    expect(existsSync(checkpoint)).toBe(false);
  });
});
