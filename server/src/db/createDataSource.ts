import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The TypeORM data source on mysql2. The schema only ever changes through migrations:
 * `synchronize` stays off. Times are stored in UTC; 64-bit ids come back as strings.
 */
export function createDataSource(database: AppConfig['database']): DataSource {
  return new DataSource({
    type: 'mysql',
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize: database.poolSize,
    connectTimeout: 5000,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: database.logQueries ? ['query', 'error'] : ['error'],
  });
}
