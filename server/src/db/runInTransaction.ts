import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);
const MAX_ATTEMPTS = 4;

function errnoOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { errno?: unknown; driverError?: { errno?: unknown } };
  const errno = candidate.errno ?? candidate.driverError?.errno;
  return typeof errno === 'number' ? errno : undefined;
}

/** True when `error` is MariaDB's duplicate-key error (the loser of an insert-first race). */
export function isDuplicateKey(error: unknown): boolean {
  return errnoOf(error) === 1062;
}

/**
 * Runs `work` in one READ COMMITTED transaction, retrying from the start when InnoDB
 * picks it as a deadlock victim (row locks taken in a consistent order make that rare,
 * but gap locks on inserts can still collide). `work` must not enqueue jobs or call
 * out: whatever must follow the commit goes after this returns.
 */
export async function runInTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction('READ COMMITTED', work);
    } catch (error) {
      const errno = errnoOf(error);
      if (attempt >= MAX_ATTEMPTS || errno === undefined || !RETRYABLE_ERRNOS.has(errno)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
