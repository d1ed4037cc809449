import type { DataSource } from 'typeorm';

const MIGRATION_LOCK = 'toyclub_migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Runs the pending migrations while holding a MariaDB named lock, so that several
 * processes starting at once run each migration exactly once. Returns the names applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const [{ acquired }] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
      MIGRATION_LOCK,
      LOCK_WAIT_SECONDS,
    ])) as Array<{ acquired: number | string | null }>;
    if (Number(acquired) !== 1) {
      throw new Error(`Another process held the migration lock for ${LOCK_WAIT_SECONDS} s; giving up.`);
    }
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
