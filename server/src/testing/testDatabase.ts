import { loadConfig } from '../config/loadConfig';
import { parseDatabaseUrl, withDatabaseName } from '../db/databaseUrl';

/** Set by globalSetup for the workers: the id of this Jest run (the Jest process's pid). */
export const TEST_RUN_ENV = 'TOYCLUB_TEST_RUN';

/** The prefix of every per-run test database name. */
export function testDatabasePrefix(): string {
  return parseDatabaseUrl(loadConfig().database.url).database;
}

/**
 * The database URL of Jest worker `workerId` in run `runId`. Runs are kept apart so that
 * two Jest processes on one machine never drop each other's databases.
 */
export function workerDatabaseUrl(workerId: string, runId = process.env[TEST_RUN_ENV] ?? 'adhoc'): string {
  const base = loadConfig().database.url;
  return withDatabaseName(base, `${testDatabasePrefix()}_r${runId}_w${workerId}`);
}
