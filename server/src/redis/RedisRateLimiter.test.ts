import type Redis from 'ioredis';
import { testConfig } from '../testing/createTestSystem';
import { createRedis } from './createRedis';
import { RedisRateLimiter } from './RedisRateLimiter';

const Q = 100;
const RUN_MS = 3000;

/** The most slots found in any closed window of `windowMs`, slots sorted. */
function busiestWindow(slots: number[], windowMs: number): number {
  let busiest = 0;
  for (let first = 0, last = 0; first < slots.length; first += 1) {
    while (last < slots.length && slots[last]! - slots[first]! <= windowMs) last += 1;
    busiest = Math.max(busiest, last - first);
  }
  return busiest;
}

describe('RedisRateLimiter (real Redis, shared by several connections)', () => {
  const config = testConfig();
  const clients: Redis[] = [];

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  /** A limiter as one worker process would hold it: its own connection to the shared key. */
  function processLimiter(key: string, max: number, durationMs: number): RedisRateLimiter {
    const redis = createRedis(config.redis.url);
    clients.push(redis);
    return new RedisRateLimiter(redis, { key, max, durationMs });
  }

  it(`lets ${Q} per second through, never more in any one-second window, to 60 concurrent takers in three processes`, async () => {
    const key = `${config.redis.keyPrefix}rate-limiter-test:${Math.random().toString(36).slice(2)}`;
    const limiters = [0, 1, 2].map(() => processLimiter(key, Q, 1000));
    const slots: number[] = [];
    const stopAt = Date.now() + RUN_MS;
    // Every taker asks again as soon as it is served: demand always exceeds Q.
    await Promise.all(
      Array.from({ length: 60 }, async (_, taker) => {
        const limiter = limiters[taker % limiters.length]!;
        while (Date.now() < stopAt) slots.push((await limiter.acquire()).slotMs);
      }),
    );
    slots.sort((a, b) => a - b);
    expect(slots.length).toBeGreaterThan(2 * Q);
    expect(busiestWindow(slots, 1000)).toBeLessThanOrEqual(Q);
    // The first two seconds of the schedule, counted: at least 95 % of Q per second.
    const inTwoSeconds = slots.filter((slot) => slot < slots[0]! + 2000).length;
    expect(inTwoSeconds).toBeGreaterThanOrEqual(Math.ceil(2 * Q * 0.95));
    expect(inTwoSeconds).toBeLessThanOrEqual(2 * Q);
  });

  it('spaces slots evenly: a burst of takers at once is spread over the window, not let through together', async () => {
    const key = `${config.redis.keyPrefix}rate-limiter-test:${Math.random().toString(36).slice(2)}`;
    const limiter = processLimiter(key, 10, 1000);
    const taken = await Promise.all(Array.from({ length: 10 }, () => limiter.acquire()));
    const slots = taken.map((slot) => slot.slotMs).sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i += 1) expect(slots[i]! - slots[i - 1]!).toBeGreaterThan(100);
    // Only the first slot of an idle schedule is free at once; the others were slept for.
    expect(taken.filter((slot) => slot.waitedMs === 0).length).toBeLessThanOrEqual(1);
  });
});
