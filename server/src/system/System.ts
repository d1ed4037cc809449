import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import type { Logger } from '../logging/createLogger';
import type { QueueRegistry } from '../queue/QueueRegistry';
import type { TaskScheduler } from '../queue/TaskScheduler';

/**
 * The long-lived resources of one process, built once at start by `createSystem` and
 * handed to routes (as `ctx.system`) and tasks. Nothing reaches for globals.
 */
export interface System {
  config: AppConfig;
  logger: Logger;
  dataSource: DataSource;
  redis: Redis;
  queues: QueueRegistry;
  scheduler: TaskScheduler;
  /** Closes queues (waiting for running jobs), the database pool and Redis, in that order. */
  close(): Promise<void>;
}
