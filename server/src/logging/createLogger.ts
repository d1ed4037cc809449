import pino from 'pino';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/configSchema';

export type { Logger } from 'pino';

/**
 * The process logger: JSON lines (pino), with credentials and personal data redacted
 * wherever they might appear in a logged object.
 */
export function createLogger(config: Pick<AppConfig, 'logging'>, name: string): Logger {
  return pino({
    name,
    level: config.logging.level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.phone',
        '*.sessionKey',
        '*.session_key',
        '*.access_token',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    transport: config.logging.pretty ? { target: 'pino-pretty', options: { colorize: true } } : undefined,
  });
}
