import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

/** Every module reachable from `entry` through relative imports (static or dynamic), with its bare imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
    graph.set(
      file,
      specifiers.filter((s) => !s.startsWith(".")),
    );
    for (const s of specifiers.filter((s) => s.startsWith("."))) visit(resolve(dirname(file), s.replace(/\.js$/, ".ts")));
  };
  visit(entry);
  return graph;
}

it("keeps node: modules out of the universal entry", () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const graph = importGraph(resolve(here, "index.ts"));
  const offenders = [...graph].filter(([, bare]) => bare.some((s) => s.startsWith("node:"))).map(([file]) => file);
  expect(graph.size).toBeGreaterThan(10);
  expect(offenders).toEqual([]);
  // The Node entry is where node:http comes in.
  expect([...importGraph(resolve(here, "node.ts")).values()].flat()).toContain("node:http");
});
