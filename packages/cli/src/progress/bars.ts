import cliProgress, { type MultiBar, type Options, type Params, type SingleBar } from "cli-progress";
import { formatBytes } from "../format.js";
import { styleFor, type Style } from "../style.js";
import { Meter } from "./meter.js";
import { describeDone, describeProgress, fitName } from "./line.js";
import type { FinishState, ProgressView } from "./view.js";

interface BarPayload {
  name: string;
  meter: Meter;
  state: "running" | FinishState;
}

const NAME_WIDTH = 24;

/** On a terminal: a cli-progress MultiBar with one bar per file plus a total bar when there are several files. */
export class BarsProgress implements ProgressView {
  private readonly multibar: MultiBar;
  private readonly bars = new Map<string, { bar: SingleBar; payload: BarPayload }>();
  private readonly total: { bar: SingleBar; payload: BarPayload } | undefined;
  private readonly style: Style;
  private finishedBytes = 0;
  /** What the total bar ends as: any failure wins, then any stop. */
  private overall: FinishState = "done";
  // A second Ctrl-C exits at once: the bars must still give the cursor back.
  private readonly restoreOnExit = () => this.multibar.stop();

  constructor(stream: NodeJS.WritableStream, totalBytes: number, showTotal: boolean, env: NodeJS.ProcessEnv) {
    this.style = styleFor({ isTTY: true }, env);
    this.multibar = new cliProgress.MultiBar({
      stream,
      format: (options, params, payload) => this.render(options, params, payload as BarPayload),
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      gracefulExit: false,
      barsize: 28,
      fps: 8,
      barCompleteChar: "█",
      barIncompleteChar: "░",
    });
    process.once("exit", this.restoreOnExit);
    if (showTotal) {
      const payload: BarPayload = { name: "total", meter: new Meter(totalBytes), state: "running" };
      this.total = { bar: this.multibar.create(totalBytes, 0, payload), payload };
    }
  }

  start(file: string, total: number, resumed: boolean): void {
    const payload: BarPayload = { name: file, meter: new Meter(total, { resumed }), state: "running" };
    this.bars.set(file, { bar: this.multibar.create(total, 0, payload), payload });
  }

  update(file: string, loaded: number): void {
    const entry = this.bars.get(file);
    if (!entry) return;
    entry.payload.meter.update(loaded);
    entry.bar.update(loaded);
    this.updateTotal();
  }

  finish(file: string, state: FinishState): void {
    const entry = this.bars.get(file);
    if (!entry) return;
    entry.payload.state = state;
    if (state === "failed" || (state === "stopped" && this.overall === "done")) this.overall = state;
    entry.payload.meter.end();
    entry.bar.update(entry.payload.meter.loaded);
    this.finishedBytes += state === "done" ? entry.payload.meter.total : entry.payload.meter.loaded;
    this.updateTotal();
  }

  /** Finished files plus what every running file has sent so far (several files upload at once). */
  private updateTotal(): void {
    if (!this.total) return;
    let running = 0;
    for (const { payload } of this.bars.values()) if (payload.state === "running") running += payload.meter.loaded;
    this.total.payload.meter.update(this.finishedBytes + running);
    this.total.bar.update(this.finishedBytes + running);
  }

  log(line: string): void {
    this.multibar.log(`${line}\n`);
  }

  stop(): void {
    if (this.total) {
      this.total.payload.meter.end();
      const unfinished = this.overall === "done" && this.finishedBytes < this.total.payload.meter.total;
      this.total.payload.state = unfinished ? "stopped" : this.overall;
    }
    this.multibar.update();
    this.multibar.stop();
    process.off("exit", this.restoreOnExit);
  }

  private render(options: Options, params: Params, payload: BarPayload): string {
    const { style } = this;
    const bar = cliProgress.Format.BarFormat(params.progress, options);
    const name = fitName(payload.name, NAME_WIDTH);
    if (payload.state === "done") return `${style.green("✔")} ${name} ${style.green(bar)} ${describeDone(payload.meter)}`;
    if (payload.state === "failed") return `${style.red("✖")} ${name} ${style.red(bar)} ${style.red("failed")}`;
    if (payload.state === "stopped") return `${style.yellow("■")} ${name} ${style.yellow(bar)} ${style.yellow(`stopped at ${formatBytes(payload.meter.loaded)}`)}`;
    return `${style.cyan("↑")} ${name} ${style.cyan(bar)} ${describeProgress(payload.meter)}`;
  }
}
