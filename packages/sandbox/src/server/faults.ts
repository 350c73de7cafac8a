import type { FaultSpec } from "../types.js";

interface Armed {
  spec: FaultSpec;
  remaining: number;
}

/** Faults armed per route key, consumed in arming order; also counts hits per route key. */
export class FaultBook {
  private readonly armed = new Map<string, Armed[]>();
  private readonly counts = new Map<string, number>();

  arm(routeKey: string, spec: FaultSpec | FaultSpec[]): void {
    const list = this.armed.get(routeKey) ?? [];
    for (const one of Array.isArray(spec) ? spec : [spec]) {
      list.push({ spec: one, remaining: one.kind === "fail" ? one.times : (one.times ?? 1) });
    }
    this.armed.set(routeKey, list);
  }

  clear(): void {
    this.armed.clear();
  }

  hit(routeKey: string): void {
    this.counts.set(routeKey, (this.counts.get(routeKey) ?? 0) + 1);
  }

  hits(routeKey: string): number {
    return this.counts.get(routeKey) ?? 0;
  }

  allHits(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Takes one use of the first armed request fault (any kind but expire-urls) for this route. */
  takeRequestFault(routeKey: string): Exclude<FaultSpec, { kind: "expire-urls" }> | undefined {
    const found = this.take(routeKey, (spec) => spec.kind !== "expire-urls");
    return found as Exclude<FaultSpec, { kind: "expire-urls" }> | undefined;
  }

  /** Takes one use of an armed expire-urls fault for this route; true when one was armed. */
  takeExpireUrls(routeKey: string): boolean {
    return this.take(routeKey, (spec) => spec.kind === "expire-urls") !== undefined;
  }

  private take(routeKey: string, match: (spec: FaultSpec) => boolean): FaultSpec | undefined {
    const list = this.armed.get(routeKey);
    const entry = list?.find((a) => match(a.spec) && a.remaining > 0);
    if (!entry || !list) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) list.splice(list.indexOf(entry), 1);
    return entry.spec;
  }
}
