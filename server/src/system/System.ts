import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import type { Logger } from '../logging/createLogger';
import type { QueueRegistry } from '../queue/QueueRegistry';
import type { TaskScheduler } from '../queue/TaskScheduler';
import type { WechatGateway } from '../wechat/gateway/WechatGateway';

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
  /** The only way to WeChat's server APIs (tokens shared through Redis by every process). */
  wechat: WechatGateway;
  /** Closes queues (waiting for running jobs), the WeChat sockets, the database pool and Redis, in that order. */
  close(): Promise<void>;
}
