import { errors } from './errors';
import type { AppContext, AppMiddleware } from './appTypes';

/** How a route is limited: `points` requests per `durationSeconds` for each key. */
export interface RateLimitOptions {
  /** Names the limit, so that two routes never share a counter. */
  name: string;
  points: number;
  durationSeconds: number;
  /** The caller's identity; defaults to the client IP. */
  key?: (ctx: AppContext) => string;
}

// INCR and set the expiry on first use in one round trip, atomically.
const INCREMENT_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

/**
 * A fixed-window limiter kept in Redis, so that every HTTP process shares the count.
 * Over the limit the request gets 429 `rate_limited` with `Retry-After`.
 */
export function rateLimit(options: RateLimitOptions): AppMiddleware {
  return async (ctx, next) => {
    const { redis, config } = ctx.system;
    const caller = options.key ? options.key(ctx) : ctx.ip;
    const key = `${config.redis.keyPrefix}ratelimit:${options.name}:${caller}`;
    const [count, ttlMs] = (await redis.eval(
      INCREMENT_WINDOW,
      1,
      key,
      String(options.durationSeconds * 1000),
    )) as [number, number];
    ctx.set('RateLimit-Limit', String(options.points));
    ctx.set('RateLimit-Remaining', String(Math.max(0, options.points - count)));
    if (count > options.points) throw errors.rateLimited(Math.max(1, Math.ceil(ttlMs / 1000)));
    await next();
  };
}
