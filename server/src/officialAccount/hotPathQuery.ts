import type { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/** The part of mysql2's callback pool the hot path uses. */
interface Mysql2Pool {
  query(sql: string, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * Runs a read-only query straight on the mysql2 pool that TypeORM created (same
 * connections, same options: UTC, big numbers as strings). `DataSource.query` builds a
 * query runner, broadcasts and logs for every call, which cost a third of the callback's
 * throughput under load; the callback's per-message lookups use this instead.
 * Never for writes that belong in a transaction.
 */
export function hotPathQuery<Row>(dataSource: DataSource, sql: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as MysqlDriver).pool as Mysql2Pool | undefined;
  if (!pool) return dataSource.query(sql, values) as Promise<Row[]>;
  return new Promise((resolve, reject) => {
    pool.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows as Row[])));
  });
}
