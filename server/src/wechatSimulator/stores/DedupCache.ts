import type { SimClock } from '../core/SimClock';

interface Entry<V> {
  value: V;
  createdAt: number;
  expiresAt: number;
}

/** Values remembered for a while by key: client_msg_id and clientmsgid deduplication. */
export class DedupCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly clock: SimClock) {}

  /** The live entry for `key`, if any. */
  get(key: string): { value: V; createdAt: number } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Remembers `value` for `ttlSeconds`. */
  set(key: string, value: V, ttlSeconds: number): void {
    const now = this.clock.now();
    this.entries.set(key, { value, createdAt: now, expiresAt: now + ttlSeconds * 1000 });
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}
