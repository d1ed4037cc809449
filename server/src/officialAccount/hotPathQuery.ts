import type { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/** The part of mysql2's callback pool the hot path uses. */
interface Mysql2Pool {
  execute(sql: string, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * Runs one statement straight on the mysql2 pool that TypeORM created (same connections,
 * same options: UTC, big numbers as strings), as a prepared statement that each connection
 * prepares once and then only executes (MariaDB skips parsing it again). `DataSource.query`
 * builds a query runner, broadcasts and logs for every call, which cost a third of the
 * callback's throughput under load; the callback's per-message lookups use this instead.
 * Only for single statements that need no transaction.
 */
export function hotPathQuery<Row>(dataSource: DataSource, sql: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as MysqlDriver).pool as Mysql2Pool | undefined;
  if (!pool) return dataSource.query(sql, values) as Promise<Row[]>;
  return new Promise((resolve, reject) => {
    pool.execute(sql, values, (error, rows) => (error ? reject(error) : resolve(rows as Row[])));
  });
}
