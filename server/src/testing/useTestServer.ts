import type Router from '@koa/router';
import type { AppContextExtras, AppState } from '../app/appTypes';
import type { ConfigOverrides } from '../config/loadConfig';
import type { System } from '../system/System';
import { createTestSystem } from './createTestSystem';
import { startTestServer } from './startTestServer';
import type { TestServer } from './startTestServer';

/** What {@link useTestServer} passes on to createTestSystem and startTestServer. */
export interface UseTestServerOptions {
  /** Config overrides for createTestSystem. */
  config?: ConfigOverrides;
  /** Extra routers mounted on the app, as for startTestServer. */
  extraRouters?: Array<Router<AppState, AppContextExtras>>;
}

/** The System and running server of the enclosing describe block, readable once its beforeAll has run. */
export interface TestServerHandle {
  readonly system: System;
  readonly server: TestServer;
}

/**
 * Registers beforeAll/afterAll hooks in the calling describe block that build a test System,
 * start the real app on it and close both afterwards (server first, so that no request is
 * still using the System's connections). Call it before any beforeAll that needs the server:
 * Jest runs beforeAll hooks in the order they are declared.
 *
 * The values are read through getters because they only exist once beforeAll has run;
 * reading them earlier (at describe time) throws instead of handing out `undefined`.
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServerHandle {
  let system: System | undefined;
  let server: TestServer | undefined;

  beforeAll(async () => {
    system = await createTestSystem(options.config);
    server = await startTestServer(system, options.extraRouters);
  });

  afterAll(async () => {
    await server?.close(1000);
    await system?.close();
  });

  return {
    get system(): System {
      if (!system) throw new Error('useTestServer: the System is only available once beforeAll has run');
      return system;
    },
    get server(): TestServer {
      if (!server) throw new Error('useTestServer: the server is only available once beforeAll has run');
      return server;
    },
  };
}
