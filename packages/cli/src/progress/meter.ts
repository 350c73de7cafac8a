export interface MeterOptions {
  /** The upload resumes: its first report includes bytes sent by an earlier run, which must not count as speed. */
  resumed?: boolean;
  now?: () => number;
  windowMs?: number;
}

/** Throughput over a sliding window, so the rate and ETA follow the current speed rather than the lifetime average. */
export class Meter {
  private readonly samples: Array<{ at: number; loaded: number }> = [];
  private readonly now: () => number;
  private readonly windowMs: number;
  private endedAt: number | undefined;
  /** Bytes already there when this run started (resumed uploads). */
  private carried = 0;
  readonly startedAt: number;
  loaded = 0;

  constructor(
    readonly total: number,
    options: MeterOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.windowMs = options.windowMs ?? 5000;
    this.startedAt = this.now();
    if (!options.resumed) this.samples.push({ at: this.startedAt, loaded: 0 });
  }

  update(loaded: number): void {
    const at = this.now();
    if (this.samples.length === 0) this.carried = loaded;
    this.loaded = loaded;
    this.samples.push({ at, loaded });
    while (this.samples.length > 2 && at - this.samples[0]!.at > this.windowMs) this.samples.shift();
  }

  /** Bytes per second over the window (0 until some time has passed). */
  rate(): number {
    const first = this.samples[0];
    const elapsed = first ? (this.now() - first.at) / 1000 : 0;
    return first && elapsed > 0 ? (this.loaded - first.loaded) / elapsed : 0;
  }

  /** Seconds left at the current rate; Infinity while nothing moves. */
  eta(): number {
    const rate = this.rate();
    return rate > 0 ? (this.total - this.loaded) / rate : Number.POSITIVE_INFINITY;
  }

  /** Bytes sent by this run (without what a resumed upload had already sent). */
  sent(): number {
    return this.loaded - this.carried;
  }

  /** Freezes the elapsed time (a finished bar keeps showing its own duration). */
  end(): void {
    this.endedAt ??= this.now();
  }

  elapsedSeconds(): number {
    return ((this.endedAt ?? this.now()) - this.startedAt) / 1000;
  }
}
