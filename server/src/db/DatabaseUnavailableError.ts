import type { DatabaseAddress } from './databaseUrl';

interface MysqlError {
  code?: string;
  message?: string;
}

/** A start-up failure to reach MariaDB, explained for the person running the server. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }

  /** Builds the explanation that fits a mysql2 connection error. */
  static from(error: unknown, address: DatabaseAddress): DatabaseUnavailableError {
    const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as MysqlError;
    const where = `${address.host}:${address.port}`;
    switch (code) {
      case 'ECONNREFUSED':
        return new DatabaseUnavailableError(
          `Cannot reach MariaDB/MySQL at ${where}: connection refused. Is the server running? Check DATABASE_URL.`,
        );
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new DatabaseUnavailableError(`Cannot resolve the database host "${address.host}". Check DATABASE_URL.`);
      case 'ETIMEDOUT':
        return new DatabaseUnavailableError(`Timed out connecting to MariaDB/MySQL at ${where}. Check DATABASE_URL.`);
      // MariaDB answers ER_ACCESS_DENIED_NO_PASSWORD_ERROR instead for a user without a password in some setups.
      case 'ER_ACCESS_DENIED_ERROR':
      case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      case 'ER_DBACCESS_DENIED_ERROR':
        return new DatabaseUnavailableError(
          `MariaDB/MySQL at ${where} refused user "${address.user}": wrong user name or password, or no rights ` +
            `on "${address.database}". Check DATABASE_URL.`,
        );
      default:
        return new DatabaseUnavailableError(
          `Cannot use the database at ${where}: ${code ?? 'error'} ${message ?? ''}`.trim(),
        );
    }
  }
}
