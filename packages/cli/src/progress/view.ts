import type { CliIo } from "../io.js";
import { PlainProgress } from "./plain.js";
import { BarsProgress } from "./bars.js";

export type FinishState = "done" | "failed" | "stopped";

/** How upload progress reaches the user (always on stderr). Several files may be running at once. */
export interface ProgressView {
  /** `resumed`: the first progress report includes bytes an earlier run sent. */
  start(file: string, total: number, resumed: boolean): void;
  update(file: string, loaded: number): void;
  finish(file: string, state: FinishState): void;
  /** A line for the user (errors, notices), printed above any bars. */
  log(line: string): void;
  stop(): void;
}

/** Bars on a terminal; plain lines every `intervalMs` elsewhere (CI logs, pipes). */
export function createProgress(io: CliIo, sizes: number[], intervalMs = 2000): ProgressView {
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const showTotal = sizes.length > 1;
  return io.stderr.isTTY && io.env.TERM !== "dumb"
    ? new BarsProgress(io.stderr, totalBytes, showTotal, io.env)
    : new PlainProgress(io.stderr, totalBytes, showTotal, intervalMs);
}
