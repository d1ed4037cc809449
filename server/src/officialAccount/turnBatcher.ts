/** Loads the values of many keys at once; keys it has no value for are simply left out. */
export type BatchLoader<V> = (keys: string[]) => Promise<Map<string, V>>;

interface Waiter<V> {
  key: string;
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
}

/**
 * Collects the keys asked for during one turn of the event loop and loads them with one call
 * of `load` (in chunks of at most `maxBatch`) in the turn's check phase, as DataLoader does.
 * Under load, the pushes whose lookups are ready in the same turn share one query: one
 * socket write and one read instead of one each, which is where a lookup's CPU went.
 * A failed load fails every lookup of its chunk. No caching: every turn reads afresh.
 */
export function turnBatcher<V>(load: BatchLoader<V>, maxBatch: number): (key: string) => Promise<V | undefined> {
  let waiting: Array<Waiter<V>> = [];

  const run = async (chunk: Array<Waiter<V>>): Promise<void> => {
    try {
      const values = await load([...new Set(chunk.map((waiter) => waiter.key))]);
      for (const waiter of chunk) waiter.resolve(values.get(waiter.key));
    } catch (error) {
      for (const waiter of chunk) waiter.reject(error);
    }
  };

  const flush = (): void => {
    const batch = waiting;
    waiting = [];
    for (let start = 0; start < batch.length; start += maxBatch) void run(batch.slice(start, start + maxBatch));
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ key, resolve, reject });
    });
}

/**
 * `keys` padded with repetitions of its last key to the next power of two, so that a batch
 * query's placeholder count takes few values and each connection prepares few statements.
 */
export function paddedToPowerOfTwo(keys: string[]): string[] {
  let size = 1;
  while (size < keys.length) size *= 2;
  return [...keys, ...Array<string>(size - keys.length).fill(keys[keys.length - 1]!)];
}
