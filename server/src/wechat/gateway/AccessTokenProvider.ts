import type { Logger } from '../../logging/createLogger';
import type { AccessTokenStore } from './AccessTokenStore';
import type { WechatAppName } from './WechatApiError';
import { WechatApiError } from './WechatApiError';
import { actionForErrcode } from './wechatErrorActions';

/** A token as `stable_token` returns it. */
export interface FetchedToken {
  accessToken: string;
  /** Seconds of validity left. */
  expiresIn: number;
}

/** Fetches a token from WeChat; `forceRefresh` invalidates the current one (20/day: use sparingly). */
export type TokenFetcher = (forceRefresh: boolean) => Promise<FetchedToken>;

/** Timings of the refresh protocol. */
export interface AccessTokenTimings {
  /** Lock lease: longer than a fetch (two requests at most) can take. */
  leaseMs: number;
  /** How long a caller waits for another holder before giving up (and retrying later). */
  maxWaitMs: number;
  /** Interval between looks at the cached key while waiting. */
  pollMs: number;
  /** How long a fetch failure is shared with waiters and new callers. */
  failureTtlMs: number;
}

const STABLE_TOKEN_PATH = '/cgi-bin/stable_token';

/** The token is cached for its lifetime minus this margin (at most half its lifetime). */
const EXPIRY_MARGIN_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One app's access token for every process: read from Redis; when absent, exactly one
 * process (the holder of the Redis lock) fetches it through `stable_token` and caches it,
 * while the others poll the cached key. Within a process, concurrent callers share one
 * pending lookup.
 */
export class AccessTokenProvider {
  /** In-flight lookups in this process, by the refused token ('' for none). */
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly app: WechatAppName,
    private readonly store: AccessTokenStore,
    private readonly fetchToken: TokenFetcher,
    private readonly timings: AccessTokenTimings,
    private readonly logger: Logger,
  ) {}

  /**
   * A valid token. `rejecting` names a token WeChat has just refused: it is never returned,
   * and if `stable_token` hands it back in normal mode, one forced refresh replaces it.
   */
  async getToken(rejecting?: string): Promise<string> {
    const cached = await this.store.get();
    if (cached !== null && cached !== rejecting) return cached;
    const key = rejecting ?? '';
    let lookup = this.pending.get(key);
    if (!lookup) {
      lookup = this.acquire(rejecting).finally(() => this.pending.delete(key));
      this.pending.set(key, lookup);
    }
    return lookup;
  }

  /** Evicts `token` if it is still the cached one (see {@link AccessTokenStore.invalidate}). */
  invalidate(token: string): Promise<boolean> {
    return this.store.invalidate(token);
  }

  private async acquire(rejecting: string | undefined): Promise<string> {
    const deadline = Date.now() + this.timings.maxWaitMs;
    for (;;) {
      const cached = await this.store.get();
      if (cached !== null && cached !== rejecting) return cached;
      const failure = await this.store.lastFailure();
      if (failure) throw this.sharedFailure(failure.errcode, failure.errmsg);
      const secret = await this.store.tryLock(this.timings.leaseMs);
      if (secret !== null) {
        try {
          return await this.fetchAsHolder(rejecting);
        } finally {
          await this.store.unlock(secret);
        }
      }
      if (Date.now() >= deadline) {
        throw new WechatApiError({
          errcode: null,
          errmsg: `no access token after waiting ${this.timings.maxWaitMs} ms for another process to fetch it`,
          action: 'retryWithBackoff',
          app: this.app,
          path: STABLE_TOKEN_PATH,
        });
      }
      await sleep(this.timings.pollMs);
    }
  }

  private async fetchAsHolder(rejecting: string | undefined): Promise<string> {
    // Between our GET and SET NX the previous holder may have finished.
    const cached = await this.store.get();
    if (cached !== null && cached !== rejecting) return cached;
    try {
      let fetched = await this.fetchToken(false);
      if (rejecting !== undefined && fetched.accessToken === rejecting) {
        this.logger.warn({ app: this.app }, 'stable_token returned the refused token; forcing a refresh');
        fetched = await this.fetchToken(true);
      }
      const lifetimeMs = fetched.expiresIn * 1000;
      await this.store.save(fetched.accessToken, lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2));
      await this.store.clearFailure();
      this.logger.info({ app: this.app, expiresIn: fetched.expiresIn }, 'wechat access token fetched');
      return fetched.accessToken;
    } catch (error) {
      const errcode = error instanceof WechatApiError ? error.errcode : null;
      const errmsg = error instanceof Error ? error.message : String(error);
      await this.store.saveFailure({ errcode, errmsg }, this.timings.failureTtlMs);
      throw error;
    }
  }

  private sharedFailure(errcode: number | null, errmsg: string): WechatApiError {
    return new WechatApiError({
      errcode,
      errmsg: `access token fetch failed in another caller: ${errmsg}`,
      action: errcode === null ? 'retryWithBackoff' : actionForErrcode(errcode),
      app: this.app,
      path: STABLE_TOKEN_PATH,
    });
  }
}
