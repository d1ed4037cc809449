import type { ConfigOverrides } from '../config/loadConfig';
import type { TestServer } from './startTestServer';
import { startTestServer } from './startTestServer';
import { createTestSystem } from './createTestSystem';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from './startTestWechatSimulator';
import { officialAccountRoutes } from '../officialAccount/officialAccountRoutes';
import type { OfficialAccountRouteOptions } from '../officialAccount/officialAccountRoutes';
import { TaskWorker } from '../queue/TaskWorker';
import { sendCustomMessageTask } from '../officialAccount/jobs/SendCustomMessageTask';
import { syncFollowerTask } from '../officialAccount/jobs/SyncFollowerTask';
import { ownerFiguresTask } from '../officialAccount/jobs/OwnerFiguresTask';
import type { System } from '../system/System';
import type { WechatSimulator, WechatSimulatorOptions } from '../wechatSimulator/startWechatSimulator';

/** The simulator, the app and an in-process worker, wired as in production. */
export interface OfficialAccountHarness {
  sim: WechatSimulator;
  system: System;
  server: TestServer;
  /** The callback URL the simulator pushes to. */
  callbackUrl: string;
  close(): Promise<void>;
}

/** Options of {@link startOfficialAccountHarness}. */
export interface OfficialAccountHarnessOptions {
  /** Merged over the test configuration (e.g. `{ officialAccount: { replyBudgetMs: 300 } }`). */
  config?: ConfigOverrides;
  simulator?: Partial<WechatSimulatorOptions>;
  /** Mounts a second callback at this path with these options (e.g. a slow text step). */
  extraCallback?: OfficialAccountRouteOptions & { path: string };
  /** Point the simulator at the extra callback instead of `/wechat`. */
  pushToExtra?: boolean;
}

/**
 * Starts the WeChat simulator, a test system whose gateway talks to it, the real app, and
 * a worker for the official account's queue; the simulator pushes to the app's `/wechat`.
 */
export async function startOfficialAccountHarness(options: OfficialAccountHarnessOptions = {}): Promise<OfficialAccountHarness> {
  const sim = await startTestWechatSimulator(options.simulator);
  const configOverrides = options.config ?? {};
  const system = await createTestSystem({
    ...configOverrides,
    wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp }, ...((configOverrides.wechat as object) ?? {}) },
  });
  const extra = options.extraCallback ? [officialAccountRoutes(system.config, options.extraCallback)] : [];
  const server = await startTestServer(system, extra);
  const callbackUrl = `${server.baseUrl}${options.pushToExtra && options.extraCallback ? options.extraCallback.path : '/wechat'}`;
  sim.setCallbackUrl(callbackUrl);
  TaskWorker.start({ system, tasks: [sendCustomMessageTask, syncFollowerTask, ownerFiguresTask] });
  return {
    sim,
    system,
    server,
    callbackUrl,
    async close() {
      await sim.close();
      await server.close(1000);
      await system.close();
    },
  };
}

/** Waits until `probe` returns something other than null or undefined. */
export async function eventually<T>(probe: () => Promise<T | null | undefined> | T | null | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
