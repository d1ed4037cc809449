import mysql from 'mysql2/promise';
import { loadConfig } from '../config/loadConfig';
import { parseDatabaseUrl } from '../db/databaseUrl';
import { TEST_RUN_ENV, testDatabasePrefix } from './testDatabase';

/** Drops this run's per-worker databases. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env[TEST_RUN_ENV];
  if (!runId) return;
  const base = parseDatabaseUrl(loadConfig().database.url);
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  try {
    const [rows] = await admin.query<mysql.RowDataPacket[]>('SHOW DATABASES LIKE ?', [`${testDatabasePrefix()}_r${runId}_w%`]);
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS \`${String(Object.values(row)[0])}\``);
  } finally {
    await admin.end();
  }
}
