import type { Logger } from '../logging/createLogger';

/**
 * Runs `shutdown` once on SIGTERM or SIGINT, then exits: 0 when it finished in time,
 * 1 when it failed or `timeoutMs` passed first. A second signal exits at once.
 */
export function onShutdownSignal(logger: Logger, timeoutMs: number, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, timeoutMs + 2_000);
    timer.unref();
    shutdown().then(
      () => {
        logger.info('shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: the second signal must reach `handle` (logged, exit 1) rather than
  // Node's default action, which would kill the process without a word.
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
