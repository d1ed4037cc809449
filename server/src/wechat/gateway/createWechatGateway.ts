import type Redis from 'ioredis';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../../logging/createLogger';
import type { AccessTokenTimings } from './AccessTokenProvider';
import { AccessTokenProvider } from './AccessTokenProvider';
import { AccessTokenStore } from './AccessTokenStore';
import type { GatewayContext, OfficialAccountContext } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import { createMiniProgramAuth } from './MiniProgramAuth';
import { createMiniProgramCodes } from './MiniProgramCodes';
import { createMiniProgramMessages } from './MiniProgramMessages';
import { createMiniProgramSecurity } from './MiniProgramSecurity';
import { createOfficialAccountMassSend } from './OfficialAccountMassSend';
import { createOfficialAccountMenus } from './OfficialAccountMenus';
import { createOfficialAccountMessages } from './OfficialAccountMessages';
import { createOfficialAccountQrCodes } from './OfficialAccountQrCodes';
import { createOfficialAccountTags } from './OfficialAccountTags';
import { createOfficialAccountUsers } from './OfficialAccountUsers';
import type { RetryPolicy } from './WechatApiClient';
import { WechatApiClient } from './WechatApiClient';
import type { WechatAppName } from './WechatApiError';
import type { WechatGateway } from './WechatGateway';
import { WechatHttpTransport } from './WechatHttpTransport';
import { fetchApiQuota } from './fetchApiQuota';
import { stableTokenFetcher } from './stableTokenFetcher';

/** What {@link createWechatGateway} needs; the tuning knobs exist for tests. */
export interface CreateWechatGatewayOptions {
  config: Pick<AppConfig, 'wechat' | 'redis'>;
  redis: Redis;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  tokenTimings?: Partial<AccessTokenTimings>;
  /** Waits between retries (tests record the delays instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
}

/** -1 and refused connections: four attempts, 0.5 s, 1 s, 2 s apart (plus jitter). */
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500 };

/**
 * Builds the WeChat gateway: one keep-alive transport, one token provider per app (shared
 * through Redis with every other process), and the typed method groups.
 */
export function createWechatGateway(options: CreateWechatGatewayOptions): WechatGateway {
  const { config, redis } = options;
  const wechat = config.wechat;
  const logger = options.logger.child({ component: 'wechat-gateway' });
  const transport = new WechatHttpTransport();
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  // A holder may need two fetches, each retried: the lease covers that, waiters a bit more.
  const leaseMs = wechat.timeoutMs * 3 + 2000;
  const timings: AccessTokenTimings = {
    leaseMs,
    maxWaitMs: leaseMs + wechat.timeoutMs,
    pollMs: 50,
    failureTtlMs: 1000,
    ...options.tokenTimings,
  };

  // Filled below: the providers fetch through the client, and the client needs the providers.
  const tokens = {} as Record<WechatAppName, AccessTokenProvider>;
  const client = new WechatApiClient({ transport, tokens, timeoutMs: wechat.timeoutMs, retry, logger, sleep: options.sleep });
  const oaContext: OfficialAccountContext = {
    app: 'oa',
    client,
    apiBase: wechat.apiBase,
    legacy: new LegacyRequestBuilder(wechat.oa.appId, wechat.oa.appSecret, wechat.apiBase),
  };
  const mpContext: GatewayContext = { app: 'mp', client, apiBase: wechat.apiBase };
  for (const [context, credentials] of [
    [oaContext, wechat.oa],
    [mpContext, wechat.mp],
  ] as const) {
    const store = new AccessTokenStore(redis, config.redis.keyPrefix, credentials.appId);
    tokens[context.app] = new AccessTokenProvider(context.app, store, stableTokenFetcher(context, credentials), timings, logger);
  }

  const quota = (cgiPath: string, app: WechatAppName = 'oa') => fetchApiQuota(app === 'oa' ? oaContext : mpContext, cgiPath);
  return {
    oa: {
      ...createOfficialAccountMessages(oaContext),
      ...createOfficialAccountMassSend(oaContext),
      ...createOfficialAccountUsers(oaContext),
      ...createOfficialAccountQrCodes(oaContext),
      tags: createOfficialAccountTags(oaContext),
      menus: createOfficialAccountMenus(oaContext),
      quota: (cgiPath) => quota(cgiPath, 'oa'),
    },
    mp: {
      ...createMiniProgramAuth(mpContext, wechat.mp),
      ...createMiniProgramCodes(mpContext),
      ...createMiniProgramSecurity(mpContext),
      ...createMiniProgramMessages(mpContext),
      quota: (cgiPath) => quota(cgiPath, 'mp'),
    },
    quota,
    close: () => transport.close(),
  };
}
