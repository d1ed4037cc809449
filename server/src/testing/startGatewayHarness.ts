import type Redis from 'ioredis';
import pino from 'pino';
import type { AppConfig } from '../config/configSchema';
import { createRedis } from '../redis/createRedis';
import { testConfig } from './createTestSystem';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from './startTestWechatSimulator';
import type { WechatSimulator, WechatSimulatorOptions } from '../wechatSimulator/startWechatSimulator';
import type { CreateWechatGatewayOptions } from '../wechat/gateway/createWechatGateway';
import { createWechatGateway } from '../wechat/gateway/createWechatGateway';
import type { WechatGateway } from '../wechat/gateway/WechatGateway';

/** A simulator and gateways pointed at it, for the gateway's integration tests. */
export interface GatewayHarness {
  sim: WechatSimulator;
  config: AppConfig;
  /** The first gateway ("process 1"). */
  gateway: WechatGateway;
  /** Delays the gateways were asked to wait between retries (they do not actually wait). */
  sleeps: number[];
  /** Another process: its own gateway and Redis connection, same Redis keys. */
  newProcess(overrides?: Partial<Omit<CreateWechatGatewayOptions, 'config' | 'redis' | 'logger'>>): WechatGateway;
  /** The official account's access token cached in Redis. */
  cachedOaToken(): Promise<string | null>;
  /** Drops both apps' cached tokens (and fetch-failure records) from Redis. */
  forgetTokens(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startGatewayHarness}. */
export interface GatewayHarnessOptions {
  timeoutMs?: number;
  simulator?: Partial<WechatSimulatorOptions>;
}

/**
 * Starts the WeChat simulator in-process on a free port and a gateway whose `apiBase` is
 * the simulator, with this test's own Redis key prefix. Retry sleeps are recorded, not
 * waited, so tests run fast without asserting on timing.
 */
export async function startGatewayHarness(options: GatewayHarnessOptions = {}): Promise<GatewayHarness> {
  const sim = await startTestWechatSimulator(options.simulator);
  const config = testConfig({
    wechat: {
      apiBase: sim.url,
      timeoutMs: options.timeoutMs ?? 5000,
      oa: { ...TEST_WECHAT_APPS.oa },
      mp: { ...TEST_WECHAT_APPS.mp },
    },
  });
  const logger = pino({ level: 'silent' });
  const sleeps: number[] = [];
  const clients: Redis[] = [];
  const gateways: WechatGateway[] = [];
  const newProcess: GatewayHarness['newProcess'] = (overrides = {}) => {
    const redis = createRedis(config.redis.url);
    clients.push(redis);
    const gateway = createWechatGateway({
      config,
      redis,
      logger,
      retry: { baseDelayMs: 100 },
      tokenTimings: { pollMs: 5 },
      sleep: async (ms) => void sleeps.push(ms),
      ...overrides,
    });
    gateways.push(gateway);
    return gateway;
  };
  const gateway = newProcess();
  const tokenKey = (appId: string) => `${config.redis.keyPrefix}wechat:access-token:${appId}`;
  return {
    sim,
    config,
    gateway,
    sleeps,
    newProcess,
    cachedOaToken: () => clients[0].get(tokenKey(TEST_WECHAT_APPS.oa.appId)),
    async forgetTokens() {
      const keys = [TEST_WECHAT_APPS.oa.appId, TEST_WECHAT_APPS.mp.appId].flatMap((appId) => [tokenKey(appId), `${tokenKey(appId)}:failure`]);
      await clients[0].del(...keys);
    },
    async close() {
      for (const item of gateways) item.close();
      await Promise.all(clients.map((client) => client.quit()));
      await sim.close();
    },
  };
}
