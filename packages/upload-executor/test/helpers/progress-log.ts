/** Progress events in order, and a check that they only ever grow and end at `total`. */
export function progressLog() {
  const events: Array<{ loaded: number; total: number }> = [];
  return {
    events,
    onProgress: (p: { loaded: number; total: number }) => events.push({ loaded: p.loaded, total: p.total }),
    monotonic: () => events.every((e, i) => e.loaded <= e.total && (i === 0 || e.loaded >= events[i - 1]!.loaded)),
    last: () => events.at(-1),
  };
}
