import type Redis from 'ioredis';
import pino from 'pino';
import { createRedis } from '../../redis/createRedis';
import { testConfig } from '../../testing/createTestSystem';
import type { FetchedToken, TokenFetcher } from './AccessTokenProvider';
import { AccessTokenProvider } from './AccessTokenProvider';
import { AccessTokenStore } from './AccessTokenStore';
import { WechatApiError } from './WechatApiError';

const logger = pino({ level: 'silent' });
const timings = { leaseMs: 5000, maxWaitMs: 10000, pollMs: 5, failureTtlMs: 10_000 };

/** A fetcher that counts calls and answers after a short pause, handing out t1, t2... */
function countingFetcher(answers?: (call: number, force: boolean) => FetchedToken): TokenFetcher & { calls: boolean[] } {
  const calls: boolean[] = [];
  const fetcher = async (force: boolean): Promise<FetchedToken> => {
    calls.push(force);
    await new Promise((resolve) => setTimeout(resolve, 30));
    return answers ? answers(calls.length, force) : { accessToken: `t${calls.length}`, expiresIn: 7200 };
  };
  return Object.assign(fetcher, { calls });
}

describe('AccessTokenProvider (Redis lock, single flight)', () => {
  const config = testConfig();
  const clients: Redis[] = [];
  let prefix: string;

  /** A provider as one process would hold it: its own Redis connection. */
  function processProvider(fetcher: TokenFetcher): AccessTokenProvider {
    const redis = createRedis(config.redis.url);
    clients.push(redis);
    return new AccessTokenProvider('oa', new AccessTokenStore(redis, prefix, 'wx-app'), fetcher, timings, logger);
  }

  beforeEach(() => {
    prefix = `${config.redis.keyPrefix}${Math.random().toString(36).slice(2)}:`;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  it('lets 100 concurrent callers in 4 processes cause exactly one fetch', async () => {
    const fetcher = countingFetcher();
    const processes = [0, 1, 2, 3].map(() => processProvider(fetcher));
    const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => processes[i % 4].getToken()));
    expect(fetcher.calls).toEqual([false]);
    expect(new Set(tokens)).toEqual(new Set(['t1']));
  });

  it('evicts a refused token only while it is still the cached one', async () => {
    const fetcher = countingFetcher();
    const first = processProvider(fetcher);
    const second = processProvider(fetcher);
    expect(await first.getToken()).toBe('t1');
    // Process 2 saw t1 refused and refreshed it to t2.
    expect(await second.invalidate('t1')).toBe(true);
    expect(await second.getToken('t1')).toBe('t2');
    // Process 1's late refusal of t1 must not evict t2.
    expect(await first.invalidate('t1')).toBe(false);
    expect(await first.getToken('t1')).toBe('t2');
    expect(fetcher.calls).toEqual([false, false]);
  });

  it('forces one refresh when stable_token hands back the refused token', async () => {
    const fetcher = countingFetcher((_call, force) => ({ accessToken: force ? 'fresh' : 'stale', expiresIn: 7200 }));
    const provider = processProvider(fetcher);
    expect(await provider.getToken()).toBe('stale');
    await provider.invalidate('stale');
    expect(await provider.getToken('stale')).toBe('fresh');
    expect(fetcher.calls).toEqual([false, false, true]);
  });

  it('shares a fetch failure with the waiters instead of letting each fetch again', async () => {
    const calls: boolean[] = [];
    const failing: TokenFetcher = async (force) => {
      calls.push(force);
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw WechatApiError.fromErrcode({ errcode: 40164, errmsg: 'invalid ip', app: 'oa', path: '/cgi-bin/stable_token' });
    };
    const processes = [0, 1, 2].map(() => processProvider(failing));
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => processes[i % 3].getToken()));
    expect(calls).toEqual([false]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as WechatApiError;
      expect(reason).toBeInstanceOf(WechatApiError);
      expect(reason).toMatchObject({ errcode: 40164, action: 'stopCampaign' });
    }
  });

  it('takes over when the lock holder vanished without caching a token', async () => {
    const fetcher = countingFetcher();
    const redis = createRedis(config.redis.url);
    clients.push(redis);
    const store = new AccessTokenStore(redis, prefix, 'wx-app');
    // A crashed holder: its lock lives on for its lease, then expires.
    expect(await store.tryLock(100)).not.toBeNull();
    const provider = new AccessTokenProvider('oa', store, fetcher, timings, logger);
    expect(await provider.getToken()).toBe('t1');
    expect(fetcher.calls).toEqual([false]);
  });
});
