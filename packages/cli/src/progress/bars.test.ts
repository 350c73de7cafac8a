import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { BarsProgress } from "./bars.js";

/** A stream that says it is a 100-column terminal and keeps what was drawn on it. */
function fakeTerminal() {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  let drawn = "";
  stream.setEncoding("utf8").on("data", (chunk: string) => (drawn += chunk));
  return { stream, text: () => stripVTControlCharacters(drawn) };
}

describe("BarsProgress", () => {
  it("draws a bar per file and a total, and ends each with what happened to it", () => {
    const { stream, text } = fakeTerminal();
    const bars = new BarsProgress(stream, 3 * 1024 * 1024, true, { NO_COLOR: "1" });
    bars.start("a.bin", 2 * 1024 * 1024, false);
    bars.update("a.bin", 2 * 1024 * 1024);
    bars.finish("a.bin", "done");
    bars.start("b.bin", 1024 * 1024, false);
    bars.update("b.bin", 512 * 1024);
    bars.log("b.bin: a notice above the bars");
    bars.finish("b.bin", "stopped");
    bars.stop();

    const screen = text();
    expect(screen).toMatch(/✔ a\.bin\s+█{28} 2\.0 MiB in \d+\.\ds/);
    expect(screen).toMatch(/■ b\.bin\s+█{14}░{14} stopped at 512\.0 KiB/);
    expect(screen).toMatch(/■ total\s+\S+ stopped at 2\.5 MiB/);
    expect(screen).toContain("b.bin: a notice above the bars");
  });
});
