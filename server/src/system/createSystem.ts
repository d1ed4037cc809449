import type { AppConfig } from '../config/configSchema';
import { createDataSource } from '../db/createDataSource';
import { ensureDatabase } from '../db/ensureDatabase';
import { runMigrations } from '../db/runMigrations';
import { createLogger } from '../logging/createLogger';
import type { Logger } from '../logging/createLogger';
import { QueueRegistry } from '../queue/QueueRegistry';
import { CAMPAIGN_SEND_QUEUE, campaignSendQueueLimiter } from '../campaigns/campaignQueues';
import { TaskScheduler } from '../queue/TaskScheduler';
import { createRedis } from '../redis/createRedis';
import { createWechatGateway } from '../wechat/gateway/createWechatGateway';
import type { System } from './System';

/** Options for {@link createSystem}. */
export interface CreateSystemOptions {
  config: AppConfig;
  /** Names the process in every log line: `http`, `worker`, `test`... */
  role: string;
  /** Create the database if missing and run pending migrations (default true). */
  migrate?: boolean;
  logger?: Logger;
}

/**
 * Builds the process's resources: creates and migrates the database when asked, opens
 * the pool, Redis and the queue registry. Fails with a readable message when MariaDB
 * cannot be reached or refuses the credentials.
 */
export async function createSystem({ config, role, migrate = true, logger }: CreateSystemOptions): Promise<System> {
  const log = logger ?? createLogger(config, `toyclub-${role}`);
  if (migrate) await ensureDatabase(config.database.url);
  const dataSource = createDataSource(config.database, log);
  await dataSource.initialize();
  if (migrate) {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  }
  const redis = createRedis(config.redis.url);
  const queues = new QueueRegistry(config, {
    [CAMPAIGN_SEND_QUEUE]: campaignSendQueueLimiter(config.campaigns.sendRate, config.campaigns.sendBatchSize),
  });
  const scheduler = new TaskScheduler(queues);
  const wechat = createWechatGateway({ config, redis, logger: log });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await queues.close(config.queue.shutdownTimeoutMs);
      wechat.close();
      await dataSource.destroy();
      await redis.quit().catch(() => redis.disconnect());
    })();
    return closing;
  };

  return { config, logger: log, dataSource, redis, queues, scheduler, wechat, close };
}
