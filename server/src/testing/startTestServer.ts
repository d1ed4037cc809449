import type Router from '@koa/router';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { createApp } from '../app/createApp';
import { startHttpServer } from '../http/startHttpServer';
import type { RunningHttpServer } from '../http/startHttpServer';
import type { System } from '../system/System';

/** A test's running HTTP server and its base URL. */
export interface TestServer extends RunningHttpServer {
  baseUrl: string;
}

/** Starts the real app for `system` on a free port of 127.0.0.1. */
export async function startTestServer(
  system: System,
  extraRouters: Array<Router<AppState, AppContextExtras>> = [],
): Promise<TestServer> {
  const app = createApp(system, { extraRouters });
  const running = await startHttpServer(app, { http: { ...system.config.http, host: '127.0.0.1' } }, 0);
  return { ...running, baseUrl: `http://127.0.0.1:${running.port}` };
}
