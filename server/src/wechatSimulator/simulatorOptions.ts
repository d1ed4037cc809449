import type { Logger } from 'pino';
import type { QuotaLimit } from './stores/QuotaStore';

/** How pushes to our server are framed: plain XML, safe (AES only) or compatible (both). */
export type PushMode = 'plain' | 'safe' | 'compatible';

/** The official account the simulator plays. */
export interface SimOfficialAccount {
  appId: string;
  appSecret: string;
  /** The token configured for message push (signatures). */
  token: string;
  /** The 43-character EncodingAESKey (safe mode). */
  aesKey: string;
  /** The account's original id (ToUserName of pushes); derived from appId when omitted. */
  originalId?: string;
}

/** The mini-program the simulator plays. */
export interface SimMiniProgram {
  appId: string;
  appSecret: string;
  originalId?: string;
  /** Push token and key for mini-program events; the official account's are used when omitted. */
  token?: string;
  aesKey?: string;
  /** Published pages for getwxacodeunlimit's check_path; any well-formed page passes when omitted. */
  pages?: string[];
}

/** Numbers WeChat imposes, all overridable so tests can reach them quickly. */
export interface SimulatorLimits {
  tokenLifetimeSeconds: number;
  /** How long a superseded token keeps working (WeChat: 5 minutes). */
  tokenOverlapSeconds: number;
  stableForceRefreshPerDay: number;
  stableForceRefreshSpacingSeconds: number;
  templateDedupSeconds: number;
  massDedupSeconds: number;
  /** Resubmitting the same clientmsgid sooner than this answers 45066 instead of 45065. */
  massRetryTooFastSeconds: number;
  massPerUserPerMonth: number;
  customWindowHours: number;
  /** Customer-service messages allowed without a new user interaction (45047 beyond). */
  customMessagesPerInteraction: number;
  loginCodeTtlSeconds: number;
  phoneCodeTtlSeconds: number;
  /** msg_sec_check answers 61010 for users inactive longer than this. */
  mpActiveWindowSeconds: number;
  userListPageSize: number;
  tagsPerAccount: number;
  tagsPerUser: number;
  tagBatchSize: number;
  clearQuotaPerMonth: number;
}

/** Everything `startWechatSimulator` accepts. */
export interface WechatSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  oa: SimOfficialAccount;
  mp: SimMiniProgram;
  /** Our server's /wechat URL; may be set later with `setCallbackUrl`. */
  callbackUrl?: string;
  /** Where mini-program events go; `callbackUrl` when omitted. */
  mpCallbackUrl?: string;
  pushMode?: PushMode;
  /** How long WeChat waits for our answer before re-sending (WeChat: 5000 ms). */
  retryDelayMs?: number;
  /** Deliveries in total for one push, first included (WeChat: 3). */
  maxDeliveries?: number;
  /** Delay before TEMPLATESENDJOBFINISH / MASSSENDJOBFINISH / wxa_media_check pushes. */
  jobFinishDelayMs?: number;
  /** Per-path quotas, merged over the defaults. */
  quotas?: Record<string, QuotaLimit>;
  /** Words msg_sec_check flags as risky, with their label (e.g. 20006 illegal). */
  riskyWords?: Record<string, number>;
  /** Words msg_sec_check flags for review. */
  reviewWords?: string[];
  limits?: Partial<SimulatorLimits>;
  /**
   * Id of the first tag the account creates (WeChat: 100). Tests that share one database
   * give each simulator its own range, as each would be a different WeChat account.
   */
  firstTagId?: number;
  /**
   * First message id (decimal, above 2^53 like WeChat's). Tests that share one database
   * give each simulator its own, as their template sends' msgids must not collide.
   */
  firstMsgId?: string;
  /** Base time source in epoch ms (the simulator adds its own offset on top). */
  now?: () => number;
  logger?: Logger;
}

/** WeChat's own numbers. */
export const DEFAULT_LIMITS: SimulatorLimits = {
  tokenLifetimeSeconds: 7200,
  tokenOverlapSeconds: 300,
  stableForceRefreshPerDay: 20,
  stableForceRefreshSpacingSeconds: 30,
  templateDedupSeconds: 600,
  massDedupSeconds: 86_400,
  massRetryTooFastSeconds: 60,
  massPerUserPerMonth: 4,
  customWindowHours: 48,
  customMessagesPerInteraction: 20,
  loginCodeTtlSeconds: 300,
  phoneCodeTtlSeconds: 300,
  mpActiveWindowSeconds: 7200,
  userListPageSize: 10_000,
  tagsPerAccount: 100,
  tagsPerUser: 20,
  tagBatchSize: 50,
  clearQuotaPerMonth: 10,
};

/** Sample words for msg_sec_check; tests and the demo add their own. */
export const DEFAULT_RISKY_WORDS: Record<string, number> = {
  赌博: 20006,
  代开发票: 10001,
  色情: 20002,
  傻逼: 20003,
};

/** Settings tests change while the simulator runs (through setters or `/__sim/config`). */
export interface RuntimeSettings {
  callbackUrl: string | undefined;
  mpCallbackUrl: string | undefined;
  pushMode: PushMode;
  retryDelayMs: number;
  maxDeliveries: number;
  jobFinishDelayMs: number;
  riskyWords: Map<string, number>;
  reviewWords: Set<string>;
}

/** The runtime settings the options start with. */
export function initialSettings(options: WechatSimulatorOptions): RuntimeSettings {
  return {
    callbackUrl: options.callbackUrl,
    mpCallbackUrl: options.mpCallbackUrl,
    pushMode: options.pushMode ?? 'plain',
    retryDelayMs: options.retryDelayMs ?? 5000,
    maxDeliveries: options.maxDeliveries ?? 3,
    jobFinishDelayMs: options.jobFinishDelayMs ?? 1000,
    riskyWords: new Map(Object.entries(options.riskyWords ?? DEFAULT_RISKY_WORDS)),
    reviewWords: new Set(options.reviewWords ?? ['加微信']),
  };
}
