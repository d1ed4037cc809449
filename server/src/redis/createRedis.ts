import Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';

/**
 * Opens an ioredis client for a `redis://` URL. Commands fail fast instead of queueing
 * forever while Redis is down, so that requests and health checks answer in time.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
    lazyConnect: false,
    ...options,
  });
}
