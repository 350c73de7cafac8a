import { mkdtemp, rm, truncate, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { testBytes } from "../../test/helpers/test-bytes.js";
import { SourceChangedError } from "./source.js";
import { fromFile } from "./source-node.js";

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), "source-node-"))));
afterEach(() => rm(dir, { recursive: true }));

it("reads ranges and keeps its fingerprint while the file is unchanged", async () => {
  const path = join(dir, "a.bin");
  const bytes = testBytes(100_000, 5);
  await writeFile(path, bytes);
  const source = await fromFile(path);
  try {
    const first = await source.fingerprint();
    expect(Buffer.compare(await source.read(1000, 90_000), bytes.subarray(1000, 90_000))).toBe(0);
    expect(await source.fingerprint()).toBe(first);
  } finally {
    await source.close?.();
  }
});

it("fingerprint() throws SourceChangedError once the file's modification time or size changed", async () => {
  const path = join(dir, "b.bin");
  await writeFile(path, testBytes(1000, 6));
  const source = await fromFile(path);
  try {
    await utimes(path, new Date(), new Date(Date.now() + 60_000));
    await expect(source.fingerprint()).rejects.toBeInstanceOf(SourceChangedError);
  } finally {
    await source.close?.();
  }
});

it("a read past a shortened end throws SourceChangedError", async () => {
  const path = join(dir, "c.bin");
  await writeFile(path, testBytes(1000, 7));
  const source = await fromFile(path);
  try {
    await truncate(path, 500);
    await expect(source.read(400, 1000)).rejects.toBeInstanceOf(SourceChangedError);
    await expect(source.fingerprint()).rejects.toMatchObject({ code: "source_changed" });
  } finally {
    await source.close?.();
  }
});
