import { z } from 'zod';

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

/** The validated configuration every part of the server receives. */
export type AppConfig = z.infer<typeof configSchema>;
