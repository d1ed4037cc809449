import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from './databaseUrl';
import { DatabaseUnavailableError } from './DatabaseUnavailableError';

/**
 * Creates the database named in `url` when it is missing (utf8mb4, so that names and
 * messages in Chinese and emoji are stored whole). Throws a {@link DatabaseUnavailableError}
 * that says what to fix when the server cannot be reached or refuses the credentials.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const address = parseDatabaseUrl(url);
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({
      host: address.host,
      port: address.port,
      user: address.user,
      password: address.password,
      connectTimeout: 5000,
    });
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${address.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } catch (error) {
    throw DatabaseUnavailableError.from(error, address);
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
