import type { Browser } from 'playwright-core';
import { createTestSystem } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { System } from '../system/System';
import type { WechatSimulator } from '../wechatSimulator/startWechatSimulator';
import { launchH5Browser } from './browserHarness';

/** Chromium, the WeChat simulator, a system wired to it and its server: what a signed-in H5 browser test runs on. */
export interface H5SimulatorStack {
  browser: Browser;
  simulator: WechatSimulator;
  system: System;
  server: TestServer;
  /** Stops all of it, the browser first. */
  close(): Promise<void>;
}

/**
 * Starts the stack for browser tests of the signed-in H5 pages: they sign in through our
 * own origin's `/__sim/mp/login-code`, which goes on to the simulator. Call `close` in afterAll.
 */
export async function startH5SimulatorStack(): Promise<H5SimulatorStack> {
  const browser = await launchH5Browser();
  let simulator: WechatSimulator | undefined;
  let system: System | undefined;
  try {
    simulator = await startTestWechatSimulator();
    system = await createTestSystem({ wechat: { apiBase: simulator.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } } });
    const server = await startTestServer(system);
    const started = { browser, simulator, system, server };
    return {
      ...started,
      close: async () => {
        await browser.close();
        await server.close(1000);
        await started.system.close();
        await started.simulator.close();
      },
    };
  } catch (error) {
    // Whatever did start must not keep the test process alive.
    await browser.close();
    await system?.close();
    await simulator?.close();
    throw error;
  }
}
