import { ConfigError } from '../config/ConfigError';
import { DatabaseUnavailableError } from '../db/DatabaseUnavailableError';

/**
 * Runs a process entry point. Start-up failures that the operator must fix (bad
 * configuration, unreachable database) are printed as a plain message, without a stack.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      process.stderr.write(`${name} cannot start.\n${error.message}\n`);
    } else {
      process.stderr.write(`${name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
