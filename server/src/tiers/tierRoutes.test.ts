import type { ApiErrorBody, TierListDto } from '@toyclub/shared';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { useTestServer } from '../testing/useTestServer';

describe('GET /api/admin/tiers', () => {
  const harness = useTestServer();

  it('lists the configured tiers, lowest first, with exactly the DTO’s fields', async () => {
    const manager = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'manager' })).username);
    const answer = await manager.get<TierListDto>('/api/admin/tiers');
    expect(answer.status).toBe(200);
    expect(answer.body.tiers).toEqual(
      harness.system.config.tiers.levels.map((level) => ({ code: level.code, name: level.name, minSpendFen: level.minSpendFen, multiplierPercent: level.multiplierPercent })),
    );
    expect(answer.body.tiers[0]).toEqual({ code: 'normal', name: '普通', minSpendFen: 0, multiplierPercent: 100 });
    const owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    expect((await owner.get<TierListDto>('/api/admin/tiers')).body).toEqual(answer.body);
  });

  it('refuses a clerk and anyone without a console session', async () => {
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    const refused = await clerk.get<ApiErrorBody>('/api/admin/tiers');
    expect({ status: refused.status, error: refused.body.error }).toEqual({ status: 403, error: 'permission_denied' });
    const anonymous = await fetch(`${harness.server.baseUrl}/api/admin/tiers`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ApiErrorBody).error).toBe('staff_session_required');
  });
});
