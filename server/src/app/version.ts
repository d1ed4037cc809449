import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The server package's version, reported by `/healthz`. */
export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;
