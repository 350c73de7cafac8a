/**
 * Runs `each` over `items` with at most `width` running at once, taking items in order. Takes no new item once
 * `signal` aborts or an item rejected, and settles only when every started item has: with the first rejection, if any.
 * `each` should settle its own errors unless one failure should stop the rest.
 */
export async function runPool<T>(items: readonly T[], width: number, each: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure && !signal?.aborted) {
      const index = next++;
      try {
        await each(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failure) throw failure.error;
}
