import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CheckpointStore, type CheckpointEntry } from "./checkpoint-store.js";
import { UsageError } from "./usage-error.js";

const entry = (n: number): CheckpointEntry => ({
  vendor: "pds",
  endpoint: "http://127.0.0.1:1",
  checkpoint: { version: 1, vendor: "pds", fingerprint: "file:a:10:1:2", size: 10, state: { done: n } },
  savedAt: "2026-11-22T00:00:00.000Z",
});

describe("CheckpointStore", () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cli-checkpoint-"));
    path = join(dir, "upload.checkpoint.json");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes every change in call order and reads it back in a new process", async () => {
    const store = await CheckpointStore.open(path);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.set("/data/a.bin", entry(n))));
    await store.set("/data/b.bin", entry(9));
    const onDisk = JSON.parse(await readFile(path, "utf8"));
    expect(onDisk.uploads["/data/a.bin"].checkpoint.state).toEqual({ done: 5 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    // No temp file is left next to it.
    expect(await readdir(dir)).toEqual(["upload.checkpoint.json"]);

    const reopened = await CheckpointStore.open(path);
    expect(reopened.get("/data/b.bin")).toEqual(entry(9));
  });

  it("removes the file once the last upload is done", async () => {
    const store = await CheckpointStore.open(path);
    await store.set("/data/a.bin", entry(1));
    await store.delete("/data/a.bin");
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses a file that is not a checkpoint instead of overwriting it", async () => {
    await writeFile(path, "my notes");
    await expect(CheckpointStore.open(path)).rejects.toBeInstanceOf(UsageError);
    await writeFile(path, JSON.stringify({ hello: "world" }));
    await expect(CheckpointStore.open(path)).rejects.toThrow(/not a direct-upload checkpoint file/);
  });

  it.each([
    ["a null entry", { "/data/a.bin": null }],
    ["an entry without a checkpoint", { "/data/a.bin": { vendor: "pds", endpoint: "http://127.0.0.1:1" } }],
  ])("refuses a file with %s as a usage error naming the entry", async (_case, uploads) => {
    await writeFile(path, JSON.stringify({ version: 1, uploads }));
    const opened = CheckpointStore.open(path);
    await expect(opened).rejects.toThrow(UsageError);
    await expect(opened).rejects.toThrow(/holds a broken checkpoint for \/data\/a\.bin; delete that entry/);
  });
});
