import { loadConfig } from '../config/loadConfig';
import { parseDatabaseUrl, withDatabaseName } from '../db/databaseUrl';

/** The database URL of test worker `workerId`: the test database name plus `_w<id>`. */
export function workerDatabaseUrl(workerId: string): string {
  const base = loadConfig().database.url;
  return withDatabaseName(base, `${parseDatabaseUrl(base).database}_w${workerId}`);
}
