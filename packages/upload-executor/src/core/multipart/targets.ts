import { PlanError } from "../errors.js";
import type { MultipartPlan, PartRequest, PartTarget } from "../plan.js";

/**
 * Part URLs, fetched lazily in small batches right before use (never all up front: signed URLs expire) and
 * renewed one at a time when the storage says a URL expired.
 */
export class TargetPool {
  private readonly ready = new Map<number, PartTarget>();
  private readonly pending = new Map<number, Promise<void>>();

  constructor(
    private readonly plan: Pick<MultipartPlan, "getPartTargets">,
    private readonly batchSize: number,
    private readonly signal: AbortSignal,
  ) {}

  /** The target for `part`; when none is cached, fetches it together with up to batchSize-1 of `upcoming()`. */
  async get(part: PartRequest, upcoming: () => PartRequest[]): Promise<PartTarget> {
    const cached = this.ready.get(part.number);
    if (cached) return cached;
    const inFlight = this.pending.get(part.number);
    if (inFlight) {
      await inFlight;
      return this.get(part, upcoming);
    }
    const batch = [part, ...upcoming().filter((p) => p.number !== part.number && !this.ready.has(p.number) && !this.pending.has(p.number))];
    await this.fetch(batch.slice(0, this.batchSize), false);
    return this.get(part, upcoming);
  }

  /** Fetches a new target for a part whose URL expired (same midstates as before). */
  async renew(part: PartRequest): Promise<void> {
    this.ready.delete(part.number);
    await this.fetch([part], true);
  }

  /** Forgets a finished part's URL. */
  release(partNumber: number): void {
    this.ready.delete(partNumber);
  }

  private async fetch(parts: PartRequest[], renewing: boolean): Promise<void> {
    const job = this.plan.getPartTargets(parts, { renewing, signal: this.signal }).then((targets) => {
      for (const target of targets) this.ready.set(target.partNumber, target);
      const missing = parts.filter((p) => !this.ready.has(p.number)).map((p) => p.number);
      if (missing.length > 0) throw new PlanError(`getPartTargets returned no URL for part(s) ${missing.join(", ")}`, "Return one target per requested part");
    });
    for (const part of parts) this.pending.set(part.number, job);
    try {
      await job;
    } finally {
      for (const part of parts) if (this.pending.get(part.number) === job) this.pending.delete(part.number);
    }
  }
}
