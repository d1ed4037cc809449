import { z } from 'zod';
import { catalogueConfigSchema } from '../catalogue/catalogueConfigSchema';
import { campaignsConfigSchema } from '../campaigns/campaignsConfigSchema';
import { campaignResultsConfigShape } from '../campaignResults/campaignResultsConfigSchema';
import { segmentsConfigSchema } from '../segments/segmentsConfigSchema';
import { journeysConfigSchema } from '../journeys/journeysConfigSchema';
import { officialAccountConfigSchema } from '../officialAccount/officialAccountConfigSchema';

/** Accepts real booleans and the strings an environment variable carries. */
const booleanFlag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off', ''].includes(normalised)) return false;
  return value;
}, z.boolean());

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const nonEmpty = z.string().trim().min(1);

const mysqlUrl = z
  .string()
  .url()
  .refine((value) => /^(mysql|mariadb):\/\//.test(value), 'must start with mysql:// or mariadb://');
const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://');

/** WeChat's EncodingAESKey: 43 characters of base64 that decode to 32 bytes. */
const aesKey = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey from the official account settings');

/** One membership tier: its spend threshold over a rolling 12 months and its points multiplier. */
const tierLevel = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,15}$/, 'must be a short lower-case code'),
  name: nonEmpty,
  minSpendFen: z.coerce.number().int().min(0),
  multiplierPercent: z.coerce.number().int().min(0).max(1000),
});

const tierLevels = z
  .array(tierLevel)
  .min(1)
  .refine((levels) => levels[0]?.minSpendFen === 0, 'the first tier must start at 0 fen')
  .refine(
    (levels) => levels.every((level, index) => index === 0 || level.minSpendFen > levels[index - 1]!.minSpendFen),
    'tiers must be listed by strictly increasing minSpendFen',
  )
  .refine((levels) => new Set(levels.map((level) => level.code)).size === levels.length, 'tier codes must be unique');

/** The whole server configuration, as validated at boot. */
export const configSchema = z.object({
  env: z.enum(['development', 'test', 'production']),
  http: z.object({
    host: nonEmpty,
    port,
    publicBaseUrl: z.string().url(),
    bodyLimit: z.string().regex(/^\d+(kb|mb)$/i, 'must look like 512kb or 1mb'),
    trustProxy: booleanFlag,
    requestTimeoutMs: positiveInt,
  }),
  database: z.object({
    url: mysqlUrl,
    poolSize: positiveInt.max(200),
    logQueries: booleanFlag,
  }),
  redis: z.object({
    url: redisUrl,
    keyPrefix: nonEmpty,
  }),
  queue: z.object({
    prefix: nonEmpty,
    keepCompleted: z.coerce.number().int().min(0),
    keepFailed: z.coerce.number().int().min(0),
    attempts: positiveInt.max(50),
    backoffMs: positiveInt,
    lockDurationMs: positiveInt,
    stalledIntervalMs: positiveInt,
    shutdownTimeoutMs: positiveInt,
  }),
  wechat: z.object({
    useSimulator: booleanFlag,
    apiBase: z.string().url(),
    timeoutMs: positiveInt.max(60000),
    oa: z.object({
      appId: nonEmpty,
      appSecret: nonEmpty,
      token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3-32 letters or digits, as WeChat requires'),
      aesKey,
    }),
    mp: z.object({
      appId: nonEmpty,
      appSecret: nonEmpty,
    }),
    simulator: z.object({
      port,
      callbackUrl: z.string().url(),
    }),
  }),
  security: z.object({
    signingSecret: z.string().min(32, 'must be at least 32 characters'),
  }),
  membership: z.object({
    /** The privacy policy version members must accept before anything personal is stored. */
    privacyPolicyVersion: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/),
    sessionTtlHours: positiveInt.max(24 * 365),
    cardCodeTtlSeconds: positiveInt.max(600),
    /** The stores' time zone: a check-in day and "today" are counted in it. */
    timeZone: nonEmpty,
    receiptCodeTtlHours: positiveInt.max(24 * 90),
  }),
  points: z.object({
    /** The default store rule: points per yuan spent, before the tier multiplier. */
    perYuan: z.coerce.number().int().min(0).max(100),
    expiryMonths: positiveInt.max(120),
    expiringSoonDays: positiveInt.max(365),
    checkInPoints: z.coerce.number().int().min(0).max(10000),
  }),
  tiers: z.object({
    graceDays: z.coerce.number().int().min(0).max(365),
    levels: tierLevels,
  }),
  staff: z.object({
    sessionTtlHours: positiveInt.max(24 * 30),
    maxFailedLogins: positiveInt.max(100),
    lockoutMinutes: positiveInt.max(24 * 60),
    bindingCodeTtlMinutes: positiveInt.max(24 * 60),
    cookieSecure: booleanFlag,
  }),
  pos: z.object({
    maxClockSkewSeconds: positiveInt.max(3600),
  }),
  officialAccount: officialAccountConfigSchema,
  catalogue: catalogueConfigSchema,
  campaigns: campaignsConfigSchema.extend(campaignResultsConfigShape),
  segments: segmentsConfigSchema,
  journeys: journeysConfigSchema,
  logging: z.object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    pretty: booleanFlag,
  }),
  shutdown: z.object({
    timeoutMs: positiveInt,
  }),
  h5: z.object({
    dir: nonEmpty,
  }),
});

/** One configured membership tier. */
export type TierLevelConfig = z.infer<typeof tierLevel>;

/** The validated configuration every part of the server receives. */
export type AppConfig = z.infer<typeof configSchema>;
