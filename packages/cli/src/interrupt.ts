/** Exit codes for a run stopped by a signal: 128 + signal number, as shells report them. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * While installed, the first Ctrl-C (or SIGTERM) calls `onStop` so the caller can abort cleanly and save its
 * state; a second one exits at once. Returns the function that removes the handlers.
 */
export function trapStopSignals(onStop: (signal: StopSignal) => void): () => void {
  let stopping = false;
  const handler = (signal: StopSignal) => {
    if (stopping) process.exit(SIGNAL_EXIT_CODES[signal]);
    stopping = true;
    onStop(signal);
  };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) process.on(signal, handler);
  return () => {
    for (const signal of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) process.off(signal, handler);
  };
}

/** Resolves with the first SIGINT or SIGTERM (for long-running commands such as `sandbox`). */
export function waitForStopSignal(): Promise<StopSignal> {
  return new Promise((resolve) => {
    const untrap = trapStopSignals((signal) => {
      untrap();
      resolve(signal);
    });
  });
}
