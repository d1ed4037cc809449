import type { HealthDto } from '@toyclub/shared';
import { createTestSystem } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import type { System } from '../system/System';

describe('GET /healthz', () => {
  let system: System;
  let server: TestServer;

  beforeAll(async () => {
    system = await createTestSystem();
    server = await startTestServer(system);
  });

  afterAll(async () => {
    await server.close(1000);
    await system.close();
  });

  it('answers 200 with both dependencies up', async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthDto;
    expect(body.status).toBe('ok');
    expect(body.down).toEqual([]);
    expect(body.dependencies.mariadb.status).toBe('up');
    expect(body.dependencies.redis.status).toBe('up');
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
