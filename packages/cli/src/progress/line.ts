import { formatBytes, formatRate, formatSeconds } from "../format.js";
import type { Meter } from "./meter.js";

/** "45%  28.8 MiB/64.0 MiB  112.0 MiB/s  ETA 1.0s" for a running meter. */
export function describeProgress(meter: Meter): string {
  const percent = meter.total > 0 ? Math.floor((meter.loaded / meter.total) * 100) : 100;
  return `${String(percent).padStart(3)}%  ${formatBytes(meter.loaded)}/${formatBytes(meter.total)}  ${formatRate(meter.rate())}  ETA ${formatSeconds(meter.eta())}`;
}

/** "64.0 MiB in 0.6s (110.2 MiB/s)" for a finished meter; the rate counts only the bytes this run sent. */
export function describeDone(meter: Meter): string {
  const seconds = meter.elapsedSeconds();
  const resumed = meter.sent() < meter.loaded ? ", resumed" : "";
  return `${formatBytes(meter.loaded)} in ${formatSeconds(seconds)} (${formatRate(seconds > 0 ? meter.sent() / seconds : Number.NaN)}${resumed})`;
}

export function fitName(name: string, width: number): string {
  return name.length <= width ? name.padEnd(width) : `…${name.slice(name.length - width + 1)}`;
}
