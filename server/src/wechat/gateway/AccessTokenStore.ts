import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/** Deletes KEYS[1] only while it still holds ARGV[1]: a lock release or a stale-token eviction. */
const COMPARE_AND_DELETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** A token fetch failure, shared with the processes waiting on the same fetch. */
export interface TokenFetchFailure {
  errcode: number | null;
  errmsg: string;
}

/**
 * The Redis side of one app's access token: the cached token (expiring with it), the
 * refresh lock and a short-lived record of the last fetch failure. Shared by every
 * process that uses the same Redis and key prefix.
 */
export class AccessTokenStore {
  private readonly tokenKey: string;
  private readonly lockKey: string;
  private readonly failureKey: string;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    appId: string,
  ) {
    const base = `${keyPrefix}wechat:access-token:${appId}`;
    this.tokenKey = base;
    this.lockKey = `${base}:lock`;
    this.failureKey = `${base}:failure`;
  }

  /** The cached token, or null when absent or expired (Redis expires the key with the token). */
  get(): Promise<string | null> {
    return this.redis.get(this.tokenKey);
  }

  /** Caches a token for `ttlMs`. */
  async save(token: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.tokenKey, token, 'PX', Math.max(1, Math.floor(ttlMs)));
  }

  /**
   * Drops the cached token only if it is still `token`. When another process has already
   * replaced it, the newer token survives. Returns whether it was dropped.
   */
  async invalidate(token: string): Promise<boolean> {
    return (await this.redis.eval(COMPARE_AND_DELETE, 1, this.tokenKey, token)) === 1;
  }

  /** Takes the refresh lock for `leaseMs` (SET NX PX); returns the lock's secret, or null if held. */
  async tryLock(leaseMs: number): Promise<string | null> {
    const secret = randomBytes(16).toString('hex');
    const taken = await this.redis.set(this.lockKey, secret, 'PX', Math.max(1, Math.floor(leaseMs)), 'NX');
    return taken === 'OK' ? secret : null;
  }

  /** Releases the lock if it is still ours: after a lease ran out another process may own it. */
  async unlock(secret: string): Promise<void> {
    await this.redis.eval(COMPARE_AND_DELETE, 1, this.lockKey, secret);
  }

  /** Records a failed fetch for `ttlMs`, so that waiters fail with it instead of each fetching again. */
  async saveFailure(failure: TokenFetchFailure, ttlMs: number): Promise<void> {
    await this.redis.set(this.failureKey, JSON.stringify(failure), 'PX', Math.max(1, Math.floor(ttlMs)));
  }

  /** Clears the failure record after a successful fetch. */
  async clearFailure(): Promise<void> {
    await this.redis.del(this.failureKey);
  }

  /** The recent fetch failure, if any. */
  async lastFailure(): Promise<TokenFetchFailure | null> {
    const raw = await this.redis.get(this.failureKey);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<TokenFetchFailure>;
    return { errcode: typeof parsed.errcode === 'number' ? parsed.errcode : null, errmsg: String(parsed.errmsg ?? '') };
  }
}
