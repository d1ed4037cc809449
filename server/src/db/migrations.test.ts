import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from './createDataSource';
import { parseDatabaseUrl, withDatabaseName } from './databaseUrl';
import { DatabaseUnavailableError } from './DatabaseUnavailableError';
import { ensureDatabase } from './ensureDatabase';
import { MIGRATIONS } from './migrations';
import { runMigrations } from './runMigrations';
import { createSystem } from '../system/createSystem';
import { testConfig, uniqueTag } from '../testing/createTestSystem';

/** A database of this test's own, dropped at the end. */
function scratchDatabaseUrl(): string {
  const base = testConfig().database.url;
  return withDatabaseName(base, `${parseDatabaseUrl(base).database}_scratch_${uniqueTag()}`);
}

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query('SHOW TABLES')) as Array<Record<string, string>>;
  return rows.map((row) => Object.values(row)[0]).sort();
}

async function dropDatabase(url: string): Promise<void> {
  const address = parseDatabaseUrl(url);
  const admin = await mysql.createConnection({ host: address.host, port: address.port, user: address.user, password: address.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${address.database}\``);
  await admin.end();
}

describe('database creation and migrations', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const url of created) await dropDatabase(url);
  });

  it('runs every migration up, down and up again', async () => {
    const url = scratchDatabaseUrl();
    created.push(url);
    await ensureDatabase(url);
    const dataSource = createDataSource({ url, poolSize: 2, logQueries: false });
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource);
      expect(applied).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(await tableNames(dataSource)).toEqual(expect.arrayContaining(['migrations', 'stores']));
      expect(await runMigrations(dataSource)).toEqual([]);

      for (let step = 0; step < MIGRATIONS.length; step += 1) await dataSource.undoLastMigration();
      // typeorm_metadata is TypeORM's own record of generated columns (children's derived dates).
      expect((await tableNames(dataSource)).filter((name) => name !== 'typeorm_metadata')).toEqual(['migrations']);

      expect(await runMigrations(dataSource)).toHaveLength(MIGRATIONS.length);
      await dataSource.query("INSERT INTO stores (code, name) VALUES ('S1', '旗舰店')");
      expect(await dataSource.query('SELECT name FROM stores')).toEqual([{ name: '旗舰店' }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('runs each migration once when several processes start together', async () => {
    const url = scratchDatabaseUrl();
    created.push(url);
    await ensureDatabase(url);
    const sources = [1, 2, 3].map(() => createDataSource({ url, poolSize: 2, logQueries: false }));
    await Promise.all(sources.map((source) => source.initialize()));
    try {
      const results = await Promise.all(sources.map((source) => runMigrations(source)));
      expect(results.flat()).toEqual(MIGRATIONS.map((migration) => migration.name));
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });

  it('creates a missing database and migrates it when a process starts', async () => {
    const url = scratchDatabaseUrl();
    created.push(url);
    const system = await createSystem({ config: testConfig({ database: { url } }), role: 'test' });
    try {
      expect(await tableNames(system.dataSource)).toEqual(expect.arrayContaining(['migrations', 'stores']));
    } finally {
      await system.close();
    }
  });

  it('explains an unreachable server', async () => {
    const promise = ensureDatabase('mysql://root@127.0.0.1:1/toyclub_unreachable');
    await expect(promise).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(promise).rejects.toThrow(/Cannot reach MariaDB\/MySQL at 127\.0\.0\.1:1: connection refused.*DATABASE_URL/);
  });

  it('explains refused credentials', async () => {
    const address = parseDatabaseUrl(testConfig().database.url);
    const url = `mysql://nobody_${uniqueTag()}:wrong@${address.host}:${address.port}/toyclub`;
    await expect(ensureDatabase(url)).rejects.toThrow(/refused user "nobody_[0-9a-f]+": wrong user name or password/);
  });
});
