import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  return { io: { stdout, stderr, env: {}, cwd: process.cwd() }, out: () => out, err: () => err };
}

describe("run (programmatic entry)", () => {
  it("prints the help of upload with every vendor flag and exits 0", async () => {
    const { io, out } = capture();
    expect(await run(["upload", "--help"], io)).toBe(0);
    for (const flag of [
      "--vendor",
      "--endpoint",
      "--token",
      "--user-id",
      "--drive-id",
      "--access-key-id",
      "--access-key-secret",
      "--region",
      "--oss-url-style",
      "--hash",
      "--concurrency",
      "--part-size",
      "--checkpoint",
      "--json",
    ]) {
      expect(out()).toContain(flag);
    }
  });

  it("returns 2 for a usage error and reads credentials only from the given environment", async () => {
    const { io, err } = capture();
    const code = await run(["upload", "package.json", "--vendor", "koodrive", "--endpoint", "http://127.0.0.1:9", "--token", "abcd"], io);
    expect(code).toBe(2);
    expect(err()).toContain("koodrive needs --user-id (or the KOODRIVE_USER_ID environment variable)");
  });

  it("returns 2 without a command, after showing what the commands are", async () => {
    const { io, err } = capture();
    expect(await run([], io)).toBe(2);
    expect(err()).toMatch(/upload \[options\] <file\.\.\.>/);
    expect(err()).toMatch(/sandbox \[options\]/);
  });
});
