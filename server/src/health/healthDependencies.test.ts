import type { HealthDto } from '@toyclub/shared';
import { parseDatabaseUrl } from '../db/databaseUrl';
import { createTestSystem, testConfig } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import { TcpProxy } from '../testing/TcpProxy';
import type { System } from '../system/System';

async function health(server: TestServer): Promise<{ status: number; body: HealthDto }> {
  const response = await fetch(`${server.baseUrl}/healthz`);
  return { status: response.status, body: (await response.json()) as HealthDto };
}

async function waitForHealthy(server: TestServer): Promise<{ status: number; body: HealthDto }> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const result = await health(server);
    if (result.status === 200) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return health(server);
}

describe('GET /healthz when a dependency goes down', () => {
  let mariadbProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let system: System;
  let server: TestServer;

  beforeAll(async () => {
    const base = testConfig();
    const database = parseDatabaseUrl(base.database.url);
    const redisUrl = new URL(base.redis.url);
    mariadbProxy = await TcpProxy.start(database.host, database.port);
    redisProxy = await TcpProxy.start(redisUrl.hostname, Number(redisUrl.port || 6379));
    const proxiedDatabase = new URL(base.database.url);
    proxiedDatabase.host = `127.0.0.1:${mariadbProxy.port}`;
    system = await createTestSystem({
      database: { url: proxiedDatabase.toString() },
      redis: { url: `redis://127.0.0.1:${redisProxy.port}` },
    });
    server = await startTestServer(system);
  });

  afterAll(async () => {
    mariadbProxy.restore();
    redisProxy.restore();
    await server.close(1000);
    await system.close();
    await mariadbProxy.close();
    await redisProxy.close();
  });

  it('answers 503 naming MariaDB when MariaDB is unreachable, and 200 once it is back', async () => {
    expect((await health(server)).status).toBe(200);
    mariadbProxy.cut();
    const down = await health(server);
    expect(down.status).toBe(503);
    expect(down.body.down).toEqual(['mariadb']);
    expect(down.body.dependencies.mariadb.status).toBe('down');
    expect(down.body.dependencies.redis.status).toBe('up');
    mariadbProxy.restore();
    expect((await waitForHealthy(server)).body.down).toEqual([]);
  });

  it('answers 503 naming Redis when Redis is unreachable, and 200 once it is back', async () => {
    redisProxy.cut();
    const down = await health(server);
    expect(down.status).toBe(503);
    expect(down.body.down).toEqual(['redis']);
    expect(down.body.dependencies.mariadb.status).toBe('up');
    redisProxy.restore();
    expect((await waitForHealthy(server)).body.down).toEqual([]);
  });
});
