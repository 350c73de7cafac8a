// Bench-only: CPU seconds (user + system) of this process, and of the bench's child processes, which report theirs.
import { once } from "node:events";

/** This process's CPU seconds since `start` (a process.cpuUsage() value). */
export function cpuSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

/** For a child's script: each line on its stdin is answered with its CPU seconds so far, one line on its stdout. */
export const REPORT_CPU_ON_STDIN = `
  process.stdin.on("data", () => {
    const { user, system } = process.cpuUsage();
    console.log((user + system) / 1e6);
  });
`;

/** Asks a child running REPORT_CPU_ON_STDIN (its stdout read through `lines`) for its CPU seconds so far. */
export async function childCpuSeconds(child, lines) {
  child.stdin.write("\n");
  const [answer] = await once(lines, "line");
  return Number(answer);
}

/** Runs `step`, resolving its result and the CPU seconds it cost this process and `other` (a child with cpuSeconds()). */
export async function withCpu(other, step) {
  const [start, otherStart] = [process.cpuUsage(), await other.cpuSeconds()];
  const result = await step();
  return { result, cpuSeconds: cpuSince(start) + (await other.cpuSeconds()) - otherStart };
}
