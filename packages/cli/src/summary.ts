import { formatBytes, formatRate, formatSeconds } from "./format.js";
import { remoteId, type Outcome } from "./outcome.js";
import { fitName } from "./progress/line.js";
import type { Style } from "./style.js";

/** The closing table: one row per file, then the totals over `elapsedSeconds` of wall time (files run in parallel). */
export function summaryLines(outcomes: Outcome[], vendor: string, style: Style, elapsedSeconds: number): string[] {
  const width = Math.min(32, Math.max(4, ...outcomes.map((o) => o.file.arg.length)));
  const rows = outcomes.map((outcome) => {
    const name = fitName(outcome.file.arg, width);
    const size = formatBytes(outcome.file.size).padStart(10);
    if (outcome.status === "done") {
      const rate = formatRate(outcome.seconds > 0 ? outcome.sentBytes / outcome.seconds : Number.NaN).padStart(13);
      const resumed = outcome.resumed ? style.dim(" (resumed)") : "";
      return `${style.green("✔")} ${name} ${size} ${formatSeconds(outcome.seconds).padStart(6)} ${rate}  ${remoteId(outcome.result)}${resumed}`;
    }
    if (outcome.status === "failed") return `${style.red("✖")} ${name} ${size} ${style.red(outcome.error.message)}`;
    return `${style.yellow("■")} ${name} ${size} ${style.yellow("stopped")}`;
  });
  const done = outcomes.filter((o) => o.status === "done");
  const failed = outcomes.filter((o) => o.status === "failed").length;
  const bytes = done.reduce((sum, o) => sum + o.file.size, 0);
  const counts = [`${done.length} uploaded to ${vendor}`, ...(failed ? [style.red(`${failed} failed`)] : [])];
  const stopped = outcomes.length - done.length - failed;
  if (stopped) counts.push(style.yellow(`${stopped} stopped`));
  return [...rows, style.bold(`${counts.join(", ")} · ${formatBytes(bytes)} in ${formatSeconds(elapsedSeconds)}`)];
}
