import { Meter } from "./meter.js";
import { describeDone, describeProgress } from "./line.js";
import { formatBytes } from "../format.js";
import type { FinishState, ProgressView } from "./view.js";

/** Off a terminal: one line per running file every interval, and one when each file ends. */
export class PlainProgress implements ProgressView {
  private readonly files = new Map<string, Meter>();
  private readonly timer: NodeJS.Timeout;
  private readonly total: Meter;
  private finishedBytes = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    totalBytes: number,
    private readonly showTotal: boolean,
    intervalMs: number,
  ) {
    this.total = new Meter(totalBytes);
    this.timer = setInterval(() => this.report(), intervalMs).unref();
  }

  start(file: string, total: number, resumed: boolean): void {
    this.files.set(file, new Meter(total, { resumed }));
  }

  update(file: string, loaded: number): void {
    this.files.get(file)?.update(loaded);
    this.updateTotal();
  }

  finish(file: string, state: FinishState): void {
    const meter = this.files.get(file);
    if (!meter) return;
    this.files.delete(file);
    meter.end();
    this.finishedBytes += state === "done" ? meter.total : meter.loaded;
    this.updateTotal();
    if (state === "done") this.log(`${file}: done, ${describeDone(meter)}`);
    if (state === "stopped") this.log(`${file}: stopped at ${formatBytes(meter.loaded)}`);
  }

  log(line: string): void {
    this.stream.write(`${line}\n`);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Finished files plus what every running file has sent so far (several files upload at once). */
  private updateTotal(): void {
    let running = 0;
    for (const meter of this.files.values()) running += meter.loaded;
    this.total.update(this.finishedBytes + running);
  }

  private report(): void {
    for (const [file, meter] of this.files) this.log(`${file}: ${describeProgress(meter)}`);
    if (this.showTotal && this.files.size > 0) this.log(`total: ${describeProgress(this.total)}`);
  }
}
