import type { CliIo } from "../io.js";
import { BarsProgress } from "./bars.js";
import { PlainProgress } from "./plain.js";
import type { ProgressView } from "./view.js";

/** Bars on a terminal; plain lines every `intervalMs` elsewhere (CI logs, pipes). */
export function createProgress(io: CliIo, sizes: number[], intervalMs = 2000): ProgressView {
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const showTotal = sizes.length > 1;
  return io.stderr.isTTY && io.env.TERM !== "dumb" ? new BarsProgress(io.stderr, totalBytes, showTotal, io.env) : new PlainProgress(io.stderr, totalBytes, showTotal, intervalMs);
}
