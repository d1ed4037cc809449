import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import type { Logger } from '../logging/createLogger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { TypeormPinoLogger } from './TypeormPinoLogger';

/**
 * The TypeORM data source on mysql2. The schema only ever changes through migrations:
 * `synchronize` stays off. Times are stored in UTC; 64-bit ids come back as strings.
 * With a `logger`, TypeORM's messages go to it (see {@link TypeormPinoLogger}); without
 * one (database tooling in tests), failed queries go to the console.
 */
export function createDataSource(database: AppConfig['database'], logger?: Logger): DataSource {
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
    ...(logger ? { logger: new TypeormPinoLogger(logger, database.logQueries) } : {}),
  });
}
