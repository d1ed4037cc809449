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
 * Each gets its own ranges of tag and message ids: test files share a database, where
 * WeChat's ids are unique, as they are within one real account.
 */
export function startTestWechatSimulator(options: Partial<WechatSimulatorOptions> = {}): Promise<WechatSimulator> {
  return startWechatSimulator({
    port: 0,
    oa: { ...TEST_WECHAT_APPS.oa },
    mp: { ...TEST_WECHAT_APPS.mp },
    retryDelayMs: 300,
    jobFinishDelayMs: 10,
    firstTagId: 100 + randomInt(1, 1_000_000) * 200,
    // Ranges 10^12 apart (about a million messages each), all below 2^63 as WeChat's are.
    firstMsgId: (3_487_542_469_355_618_313n + BigInt(randomInt(1, 5_000_000)) * 1_000_000_000_000n).toString(),
    ...options,
  });
}
