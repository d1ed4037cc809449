import { RedisRateLimiter } from '../redis/RedisRateLimiter';
import type { System } from '../system/System';

const limiters = new WeakMap<System, RedisRateLimiter>();

/**
 * The limiter every campaign send takes a slot from right before its WeChat call:
 * `campaigns.sendRate` (at most `max` calls in any `durationMs`), shared through Redis by
 * every worker process. One per system, so that the script is defined once on its connection.
 */
export function campaignSendRateLimiter(system: System): RedisRateLimiter {
  let limiter = limiters.get(system);
  if (!limiter) {
    const { max, durationMs } = system.config.campaigns.sendRate;
    limiter = new RedisRateLimiter(system.redis, { key: `${system.config.redis.keyPrefix}campaigns:send-rate`, max, durationMs });
    limiters.set(system, limiter);
  }
  return limiter;
}
