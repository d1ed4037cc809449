import mysql from 'mysql2/promise';
import { loadConfig } from '../config/loadConfig';
import { parseDatabaseUrl } from '../db/databaseUrl';
import { createDataSource } from '../db/createDataSource';
import { ensureDatabase } from '../db/ensureDatabase';
import { runMigrations } from '../db/runMigrations';
import { workerDatabaseUrl } from './testDatabase';

interface JestGlobalConfig {
  maxWorkers: number;
}

/**
 * Gives every Jest worker a fresh database of its own, created and migrated once before
 * any test runs. Tests then isolate themselves by creating their own records.
 */
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  const base = parseDatabaseUrl(loadConfig().database.url);
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  try {
    for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
      const url = workerDatabaseUrl(String(worker));
      await admin.query(`DROP DATABASE IF EXISTS \`${parseDatabaseUrl(url).database}\``);
      await ensureDatabase(url);
      const dataSource = createDataSource({ url, poolSize: 2, logQueries: false });
      await dataSource.initialize();
      try {
        await runMigrations(dataSource);
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await admin.end();
  }
}
