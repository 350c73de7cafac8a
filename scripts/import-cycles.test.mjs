// No import cycles anywhere in the repository's sources, type-only imports included (dependency-cruiser).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise } from "dependency-cruiser";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The cycles among the sources under `paths` (relative to `baseDir`), the files read, and relative imports of no file. */
async function importGraph(baseDir, paths) {
  const { output } = await cruise(paths, {
    baseDir,
    // `import type` counts: a cycle of types still ties the modules together.
    tsPreCompilationDeps: true,
    exclude: { path: "(^|/)(node_modules|dist|build|\\.turbo)/" },
    doNotFollow: { path: "node_modules" },
    validate: true,
    ruleSet: { forbidden: [{ name: "no-circular", severity: "error", from: {}, to: { circular: true } }] },
  });
  return {
    cycles: output.summary.violations.map((v) => [v.from, ...v.cycle.map((step) => step.name)].join(" → ")),
    files: output.modules.map((m) => m.source),
    // An import the cruiser cannot follow would hide the cycles behind it.
    unresolved: output.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith(".")).map((d) => `${m.source}: ${d.module}`)),
  };
}

test("the repository's sources have no import cycle", async () => {
  const { cycles, files, unresolved } = await importGraph(root, ["packages", "docs", "scripts"]);
  assert.deepEqual(cycles, [], "break each cycle, e.g. by moving the shared types into a file of their own");
  assert.deepEqual(unresolved, []);
  for (const dir of [...readdirSync(join(root, "packages")).map((name) => `packages/${name}/src/`), "docs/", "scripts/"]) {
    assert.ok(
      files.some((file) => file.startsWith(dir)),
      `${dir} was not read`,
    );
  }
});

test("a cycle of type-only imports is found", async () => {
  const dir = mkdtempSync(join(tmpdir(), "du-cycles-"));
  try {
    writeFileSync(join(dir, "a.ts"), 'import type { B } from "./b.js";\nexport interface A { b?: B }\n');
    writeFileSync(join(dir, "b.ts"), 'import type { A } from "./a.js";\nexport interface B { a?: A }\n');
    writeFileSync(join(dir, "c.ts"), 'import type { A } from "./a.js";\nexport const c: A = {};\n');
    const { cycles, files } = await importGraph(dir, ["."]);
    assert.deepEqual(files.sort(), ["a.ts", "b.ts", "c.ts"]);
    assert.equal(cycles.length, 1);
    assert.match(cycles[0], /^(a\.ts → b\.ts → a\.ts|b\.ts → a\.ts → b\.ts)$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
