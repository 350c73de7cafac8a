// Runs every bench/*.bench.mjs (or those whose name contains argv[2]), prints a table and writes
// bench-results/upload-executor.json and .md (the table the root README shows) at the repository root. Benches
// import the built package: run `build` first.
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const here = new URL("./", import.meta.url);
const output = new URL("../../../bench-results/upload-executor.json", import.meta.url);
const markdown = new URL("../../../bench-results/upload-executor.md", import.meta.url);

if (!existsSync(new URL("../dist/index.js", import.meta.url))) {
  console.error("dist/ is missing: run `pnpm --filter @direct-upload/upload-executor build` first");
  process.exit(1);
}

const filter = process.argv[2] ?? "";
const files = (await readdir(here)).filter((file) => file.endsWith(".bench.mjs") && file.includes(filter)).sort();
const results = [];
for (const file of files) {
  const bench = file.replace(/\.bench\.mjs$/, "");
  const { run } = await import(new URL(file, here).href);
  for (const row of await run()) results.push({ bench, ...row });
}

const format = (value) => (typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : String(value ?? ""));
const columns = ["bench", "name", "value", "baseline", "unit", "ratio", "target", "met"];
const table = [columns, ...results.map((row) => columns.map((column) => format(row[column])))];
const widths = columns.map((_, i) => Math.max(...table.map((line) => line[i].length)));
for (const line of table) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join("  "));

await mkdir(new URL("./", output), { recursive: true });
const report = { package: "@direct-upload/upload-executor", date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, results };
await writeFile(output, `${JSON.stringify(report, null, 2)}\n`);
const cell = (text) => text.replaceAll("|", "\\|");
const rows = [columns, columns.map(() => "---"), ...table.slice(1)].map((line) => `| ${line.map(cell).join(" | ")} |`);
await writeFile(markdown, `${report.date}, Node ${report.node}, ${report.cores} × ${report.cpu}\n\n${rows.join("\n")}\n`);
console.log(`\nwrote ${fileURLToPath(output)} and ${fileURLToPath(markdown)}`);
