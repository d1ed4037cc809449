import type { ApiErrorBody, BuiltinSegmentListDto, SegmentDefinition, SegmentDto, SegmentListDto, SegmentPreviewDto } from '@toyclub/shared';
import { BUILTIN_SEGMENT_CODES, SEGMENT_LIMITS } from '@toyclub/shared';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { useTestServer } from '../testing/useTestServer';

describe('the console’s segment routes', () => {
  const harness = useTestServer();

  let manager: Awaited<ReturnType<typeof staffClient>>;
  let managerId: string;

  beforeAll(async () => {
    const staff = await createStaff(harness.system, { role: 'manager' });
    managerId = staff.id;
    manager = await staffClient(harness.server.baseUrl, staff.username);
  });

  async function auditedMembers(): Promise<string[]> {
    const rows = (await harness.system.dataSource.query(`SELECT member_id FROM audit_entries WHERE staff_id = ? AND detail = 'segment.preview' ORDER BY member_id`, [
      managerId,
    ])) as Array<{ member_id: string | number }>;
    return rows.map((row) => String(row.member_id));
  }

  it('previews a definition: its count and a masked sample, each sampled member audited', async () => {
    const { store } = await createStore(harness.system);
    const withPhone = (await createMember(harness.system, { registrationStoreId: store.id, phone: '13812345678', nickname: '小明妈妈' })).member;
    const other = (await createMember(harness.system, { registrationStoreId: store.id })).member;
    await createMember(harness.system, { registrationStoreId: store.id, tierCode: 'gold' });
    const definition: SegmentDefinition = {
      op: 'and',
      rules: [
        { kind: 'registration_store', storeIds: [Number(store.id)] },
        { kind: 'tier', tiers: ['normal'] },
      ],
    };
    const preview = await manager.post<SegmentPreviewDto>('/api/admin/segments/preview', { definition });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(2);
    expect(preview.body.sample).toEqual([
      { id: other.id, nickname: '测试家长', maskedPhone: null, tierCode: 'normal', purchaseCount: 0, totalSpendFen: 0, lastPurchaseAt: null },
      { id: withPhone.id, nickname: '小明妈妈', maskedPhone: '138****5678', tierCode: 'normal', purchaseCount: 0, totalSpendFen: 0, lastPurchaseAt: null },
    ]);
    expect(JSON.stringify(preview.body)).not.toContain(withPhone.openid);
    expect(await auditedMembers()).toEqual([withPhone.id, other.id].sort((a, b) => Number(a) - Number(b)));
  });

  const tooDeep: SegmentDefinition = { op: 'and', rules: [{ op: 'or', rules: [{ op: 'and', rules: [{ op: 'or', rules: [{ op: 'and', rules: [{ kind: 'tier', tiers: ['normal'] }] }] }] }] }] };
  it.each<[string, unknown, string]>([
    ['an unknown rule kind', { op: 'and', rules: [{ kind: 'zodiac', signs: ['dragon'] }] }, 'definition.rules.0'],
    ['an unknown built-in segment', { op: 'and', rules: [{ kind: 'builtin', segment: 'vip' }] }, 'definition.rules.0.segment'],
    ['a range with min above max', { op: 'and', rules: [{ kind: 'spend', window: 'total', minFen: 500, maxFen: 100 }] }, 'definition.rules.0'],
    ['a range with no bound', { op: 'and', rules: [{ kind: 'frequency', window: '90d' }] }, 'definition.rules.0'],
    ['an empty group', { op: 'or', rules: [] }, 'definition.rules'],
    ['an unknown operator', { op: 'xor', rules: [{ kind: 'tier', tiers: ['normal'] }] }, 'definition.op'],
    ['groups nested too deep', tooDeep, 'definition'],
    ['too many rules', { op: 'or', rules: Array.from({ length: SEGMENT_LIMITS.maxRules + 1 }, () => ({ kind: 'tier', tiers: ['normal'] })) }, 'definition'],
    ['no definition', undefined, 'definition'],
  ])('refuses %s with 400 validation_failed and changes nothing', async (_label, definition, field) => {
    const before = await auditedMembers();
    const answer = await manager.post<ApiErrorBody & { details: Record<string, string> }>('/api/admin/segments/preview', { definition });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('validation_failed');
    expect(Object.keys(answer.body.details).some((key) => key.startsWith(`body.${field}`))).toBe(true);
    expect(Object.values(answer.body.details).join('')).toMatch(/[\u4e00-\u9fa5]/);
    const saved = await manager.post<ApiErrorBody>('/api/admin/segments', { name: '不该保存', definition });
    expect(saved.status).toBe(400);
    expect((await manager.get<SegmentListDto>('/api/admin/segments')).body.segments.map((segment) => segment.name)).not.toContain('不该保存');
    expect(await auditedMembers()).toEqual(before);
  });

  it('saves, reads, lists, edits and deletes segments', async () => {
    const definition: SegmentDefinition = { op: 'or', rules: [{ kind: 'builtin', segment: 'dormant' }, { kind: 'builtin', segment: 'churn_risk' }] };
    const created = await manager.post<SegmentDto>('/api/admin/segments', { name: '唤醒老客', definition });
    expect(created).toMatchObject({ status: 201, body: { name: '唤醒老客', description: '', definition, createdByStaffId: managerId } });
    const id = created.body.id;
    expect((await manager.get<SegmentDto>(`/api/admin/segments/${id}`)).body).toEqual(created.body);
    expect((await manager.get<SegmentListDto>('/api/admin/segments')).body.segments.map((segment) => segment.id)).toContain(id);
    const edited = await manager.patch<SegmentDto>(`/api/admin/segments/${id}`, { description: '半年没来的和该来没来的' });
    expect(edited.body).toMatchObject({ id, name: '唤醒老客', description: '半年没来的和该来没来的', definition });
    expect((await manager.patch<ApiErrorBody>(`/api/admin/segments/${id}`, {})).status).toBe(400);
    expect((await manager.delete(`/api/admin/segments/${id}`)).status).toBe(204);
    for (const answer of [
      await manager.get<ApiErrorBody>(`/api/admin/segments/${id}`),
      await manager.patch<ApiErrorBody>(`/api/admin/segments/${id}`, { name: '复活' }),
      await manager.delete<ApiErrorBody>(`/api/admin/segments/${id}`),
    ]) {
      expect(answer).toMatchObject({ status: 404, body: { error: 'segment_not_found' } });
    }
    expect((await manager.get<SegmentListDto>('/api/admin/segments')).body.segments.map((segment) => segment.id)).not.toContain(id);
  });

  it('lists the built-in segments with their thresholds and live counts', async () => {
    await createMember(harness.system);
    const answer = await manager.get<BuiltinSegmentListDto>('/api/admin/segments/builtin');
    expect(answer.body.segments.map((segment) => segment.code)).toEqual([...BUILTIN_SEGMENT_CODES]);
    const newMembers = answer.body.segments.find((segment) => segment.code === 'new_member')!;
    expect(newMembers).toMatchObject({ label: '新会员', description: '30 天内注册' });
    expect(newMembers.count).toBeGreaterThanOrEqual(1);
    expect(answer.body.segments.find((segment) => segment.code === 'churn_risk')!.description).toContain('1.5 倍');
  });

  it('is for owners and managers only', async () => {
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    const definition = { op: 'and', rules: [{ kind: 'tier', tiers: ['normal'] }] };
    for (const answer of [await clerk.post<ApiErrorBody>('/api/admin/segments/preview', { definition }), await clerk.get<ApiErrorBody>('/api/admin/segments')]) {
      expect(answer).toMatchObject({ status: 403, body: { error: 'permission_denied' } });
    }
    expect((await fetch(`${harness.server.baseUrl}/api/admin/segments/builtin`)).status).toBe(401);
  });
});
