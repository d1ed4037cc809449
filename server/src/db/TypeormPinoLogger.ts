import type { Logger as TypeormLogger } from 'typeorm';
import type { Logger } from '../logging/createLogger';

/**
 * MariaDB errors the code expects and handles itself: insert-first idempotency (a
 * concurrent request already wrote the same key) surfaces as a duplicate-key error that
 * the caller turns into "already applied". Logging them as errors would bury real ones.
 */
const EXPECTED_ERROR_CODES = new Set(['ER_DUP_ENTRY', 'ER_LOCK_DEADLOCK']);

function errorCodeOf(error: string | Error): string | undefined {
  if (typeof error === 'string') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Routes TypeORM's logging into the process's pino logger (one JSON log stream, with the
 * process name) instead of TypeORM's console logger. Failed queries are warnings, or
 * debug lines for the errors the callers expect and handle; queries are logged (debug)
 * only when `database.logQueries` is on.
 */
export class TypeormPinoLogger implements TypeormLogger {
  constructor(
    private readonly logger: Logger,
    private readonly logQueries: boolean,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    if (this.logQueries) this.logger.debug({ query, parameters }, 'sql query');
  }

  logQueryError(error: string | Error, query: string): void {
    const code = errorCodeOf(error);
    const message = typeof error === 'string' ? error : error.message;
    if (code && EXPECTED_ERROR_CODES.has(code)) this.logger.debug({ code, query }, 'sql query failed (expected)');
    else this.logger.warn({ code, err: message, query }, 'sql query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ timeMs: time, query }, 'slow sql query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ message }, 'typeorm schema');
  }

  logMigration(message: string): void {
    this.logger.info({ message }, 'typeorm migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}
