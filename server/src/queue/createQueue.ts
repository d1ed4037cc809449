import Bull from 'bull';
import Redis from 'ioredis';
import type { AppConfig } from '../config/configSchema';

/**
 * Creates a Bull queue with the settings every queue of ToyClub shares: the key prefix,
 * retention of finished jobs, retries with exponential backoff, and stall detection so
 * that a job whose worker died is picked up again. Redis connections for commands and
 * events are shared through `connections`; each queue gets its own blocking client, as
 * Bull requires. A `limiter` caps the jobs started per duration on this queue.
 */
export function createQueue<Payload>(
  name: string,
  config: Pick<AppConfig, 'queue' | 'redis'>,
  connections: QueueConnections,
  limiter?: Bull.RateLimiter,
): Bull.Queue<Payload> {
  return new Bull<Payload>(name, {
    prefix: config.queue.prefix,
    createClient: (type) => connections.clientFor(type),
    // Bull counts the limiter in Redis: the rate holds across every worker process.
    ...(limiter ? { limiter } : {}),
    defaultJobOptions: {
      attempts: config.queue.attempts,
      backoff: { type: 'exponential', delay: config.queue.backoffMs },
      removeOnComplete: config.queue.keepCompleted,
      removeOnFail: config.queue.keepFailed,
    },
    settings: {
      lockDuration: config.queue.lockDurationMs,
      stalledInterval: config.queue.stalledIntervalMs,
      maxStalledCount: 2,
    },
  });
}

/** The Redis connections the queues of one process share. */
export class QueueConnections {
  private client?: Redis;
  private subscriber?: Redis;
  private readonly opened: Redis[] = [];

  constructor(private readonly redisUrl: string) {}

  /** Bull asks for a client, a subscriber or a blocking client per queue. */
  clientFor(type: 'client' | 'subscriber' | 'bclient'): Redis {
    // Bull requires these two options on every connection it uses.
    const options = { maxRetriesPerRequest: null, enableReadyCheck: false };
    if (type === 'client') return (this.client ??= this.open(options));
    if (type === 'subscriber') return (this.subscriber ??= this.open(options));
    return this.open(options);
  }

  /** Closes every connection handed out; call after the queues themselves are closed. */
  async close(): Promise<void> {
    await Promise.all(this.opened.map((redis) => redis.quit().catch(() => redis.disconnect())));
    this.opened.length = 0;
  }

  private open(options: { maxRetriesPerRequest: null; enableReadyCheck: boolean }): Redis {
    const redis = new Redis(this.redisUrl, options);
    this.opened.push(redis);
    return redis;
  }
}
