import mysql from 'mysql2/promise';
import { loadConfig } from '../config/loadConfig';
import { parseDatabaseUrl } from '../db/databaseUrl';
import { createDataSource } from '../db/createDataSource';
import { ensureDatabase } from '../db/ensureDatabase';
import { runMigrations } from '../db/runMigrations';
import { TEST_RUN_ENV, testDatabasePrefix, workerDatabaseUrl } from './testDatabase';

interface JestGlobalConfig {
  maxWorkers: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives every Jest worker a fresh database of its own, created and migrated once before
 * any test runs; tests then isolate themselves by creating their own records. Databases
 * left by runs whose process is gone are dropped.
 */
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  const runId = String(process.pid);
  process.env[TEST_RUN_ENV] = runId;
  const base = parseDatabaseUrl(loadConfig().database.url);
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  try {
    const [rows] = await admin.query<mysql.RowDataPacket[]>('SHOW DATABASES');
    const stale = new RegExp(`^${testDatabasePrefix()}_r(\\d+)_w\\d+$`);
    for (const row of rows) {
      const name = String(Object.values(row)[0]);
      const match = stale.exec(name);
      if (match && !isAlive(Number(match[1]))) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
    for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
      const url = workerDatabaseUrl(String(worker), runId);
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
