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
