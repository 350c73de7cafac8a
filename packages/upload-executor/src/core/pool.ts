/**
 * Runs `each` over `items` with at most `width` running at once, taking items in order, and takes no new item once
 * `signal` aborts. `each` should settle its own errors: the first rejection rejects the whole pool.
 */
export async function runPool<T>(items: readonly T[], width: number, each: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await each(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
