import { randomInt } from 'node:crypto';
import { startWechatSimulator } from '../wechatSimulator/startWechatSimulator';
import type { WechatSimulator, WechatSimulatorOptions } from '../wechatSimulator/startWechatSimulator';

/** Credentials of the simulated apps in tests (never real ones). */
export const TEST_WECHAT_APPS = {
  oa: {
    appId: 'wxtestoa000000001',
    appSecret: 'test-oa-secret-0000000000000000',
    token: 'toyclubtesttoken',
    aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  },
  mp: { appId: 'wxtestmp000000001', appSecret: 'test-mp-secret-0000000000000000' },
} as const;

/**
 * Starts a simulator on a free port with the test apps and short delays (retries after
 * 300 ms, job-finish events after 10 ms) so tests stay fast; options override anything.
 * Each gets its own range of tag ids: test files share a database, where a WeChat tag id
 * is unique, as it is within one real account.
 */
export function startTestWechatSimulator(options: Partial<WechatSimulatorOptions> = {}): Promise<WechatSimulator> {
  return startWechatSimulator({
    port: 0,
    oa: { ...TEST_WECHAT_APPS.oa },
    mp: { ...TEST_WECHAT_APPS.mp },
    retryDelayMs: 300,
    jobFinishDelayMs: 10,
    firstTagId: 100 + randomInt(1, 1_000_000) * 200,
    ...options,
  });
}
