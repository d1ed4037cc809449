import type Redis from 'ioredis';

/** A Redis connection with the limiter's script defined on it (see {@link RedisRateLimiter}). */
type LimiterRedis = Redis & {
  rateLimiterReserve(key: string, intervalMicros: number): Promise<[number, number]>;
};

/**
 * Reserves the next free slot of the key's schedule, in one atomic script on Redis's own
 * clock (TIME, so that the workers' clocks never matter): the slot is the later of now and
 * the key's next free slot, and the next free slot moves one interval past it. Slots are
 * thus at least one interval apart whatever the number of takers, and a taker that finds
 * the schedule idle goes at once. Answers the wait and the slot, in microseconds.
 */
const RESERVE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local nextFree = slot + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextFree), 'PX', math.floor((nextFree - now) / 1000) + 1000)
return { slot - now, slot }`;

/** A slot granted by {@link RedisRateLimiter.acquire}. */
export interface RateLimiterSlot {
  /** When the slot is due, in milliseconds on Redis's clock (Unix epoch). */
  slotMs: number;
  /** How long the taker slept for it, in milliseconds. */
  waitedMs: number;
}

/** `max` takes per `durationMs`, under `key` (already prefixed). */
export interface RedisRateLimiterOptions {
  key: string;
  max: number;
  durationMs: number;
}

/**
 * A rate limiter shared by every process through one Redis key: at most `max` takes in any
 * window of `durationMs`, evenly spaced (a token bucket of capacity one, in the GCRA
 * "virtual scheduling" form). Each take is one script call that reserves the next slot, so
 * a caller sleeps exactly until its own slot instead of polling: with many concurrent
 * takers, a send costs one round trip and none of them spins.
 *
 * Why spaced rather than a bucket of `max` tokens: a full bucket lets `max` go at once and
 * `max` more as it refills, so up to 2 × max in one window; spacing keeps every window,
 * however it is placed, at `max` or less. The interval is one microsecond longer than
 * `durationMs / max` so that this holds for closed windows too (max + 1 slots span more
 * than `durationMs`); that costs at most 0.1 % of the rate at 1,000 per second.
 *
 * A slot reserved by a taker that then gives up (its campaign was paused while it slept) is
 * lost, never handed to anyone else: the limiter can run below `max`, never above it.
 */
export class RedisRateLimiter {
  private readonly redis: LimiterRedis;
  private readonly intervalMicros: number;

  constructor(
    redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {
    if (!('rateLimiterReserve' in redis)) redis.defineCommand('rateLimiterReserve', { numberOfKeys: 1, lua: RESERVE_SCRIPT });
    this.redis = redis as LimiterRedis;
    this.intervalMicros = Math.floor((options.durationMs * 1000) / options.max) + 1;
  }

  /** Reserves the next slot and sleeps until it is due (setTimeout rounds up, so never early). */
  async acquire(): Promise<RateLimiterSlot> {
    const [waitMicros, slotMicros] = await this.redis.rateLimiterReserve(this.options.key, this.intervalMicros);
    const waitedMs = Math.ceil(waitMicros / 1000);
    if (waitedMs > 0) await new Promise((resolve) => setTimeout(resolve, waitedMs));
    return { slotMs: slotMicros / 1000, waitedMs };
  }
}
