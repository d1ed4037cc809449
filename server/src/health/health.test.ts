import type { HealthDto } from '@toyclub/shared';
import { useTestServer } from '../testing/useTestServer';

describe('GET /healthz', () => {
  const harness = useTestServer();

  it('answers 200 with both dependencies up', async () => {
    const response = await fetch(`${harness.server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthDto;
    expect(body.status).toBe('ok');
    expect(body.down).toEqual([]);
    expect(body.dependencies.mariadb.status).toBe('up');
    expect(body.dependencies.redis.status).toBe('up');
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
