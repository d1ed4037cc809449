import type { AdminMemberDetailDto, AdminMemberPageDto, ApiErrorBody, AuditPageDto, PointsEntriesPageDto, PointsEntryDto, RevealedPhoneDto } from '@toyclub/shared';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { useTestServer } from '../testing/useTestServer';

describe('the console member pages and the audit log', () => {
  const harness = useTestServer();

  let owner: Awaited<ReturnType<typeof staffClient>>;
  let manager: Awaited<ReturnType<typeof staffClient>>;
  let managerId: string;

  beforeAll(async () => {
    owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    const managerAccount = await createStaff(harness.system, { role: 'manager' });
    managerId = managerAccount.id;
    manager = await staffClient(harness.server.baseUrl, managerAccount.username);
  });

  const last4 = () => String(1000 + Math.floor(Math.random() * 9000));

  it('finds members by the last four digits of the phone, masked, and audits each one listed', async () => {
    const digits = last4();
    const { member } = await createMember(harness.system, { phone: `1380000${digits}`, nickname: '乐乐妈妈' });
    const page = await manager.get<AdminMemberPageDto>(`/api/admin/members?q=${digits}`);
    expect(page.status).toBe(200);
    const found = page.body.members.find((row) => row.id === member.id);
    expect(found).toMatchObject({ nickname: '乐乐妈妈', maskedPhone: `138****${digits}` });
    expect(JSON.stringify(page.body)).not.toContain(`1380000${digits}`);
    const audit = await owner.get<AuditPageDto>(`/api/admin/audit?memberId=${member.id}`);
    expect(audit.body.entries).toEqual([
      expect.objectContaining({ staffId: managerId, memberId: member.id, action: 'member.list', detail: `search:${digits}`, ip: expect.stringMatching(/127\.0\.0\.1/) }),
    ]);
  });

  it('searches by nickname prefix with keyset pagination', async () => {
    const tag = `翻页${Date.now() % 100000}`;
    const created = [];
    for (let index = 0; index < 5; index += 1) created.push((await createMember(harness.system, { nickname: `${tag}-${index}` })).member.id);
    const first = await manager.get<AdminMemberPageDto>(`/api/admin/members?q=${encodeURIComponent(tag)}&limit=3`);
    expect(first.body.members.map((row) => row.id)).toEqual(created.slice(2).reverse());
    const second = await manager.get<AdminMemberPageDto>(`/api/admin/members?q=${encodeURIComponent(tag)}&limit=3&after=${first.body.nextCursor}`);
    expect(second.body.members.map((row) => row.id)).toEqual(created.slice(0, 2).reverse());
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows a member masked, reveals the phone to owners only, and audits every read', async () => {
    const digits = last4();
    const { member } = await createMember(harness.system, { phone: `1391234${digits}` });
    const detail = await manager.get<AdminMemberDetailDto>(`/api/admin/members/${member.id}`);
    expect(detail.body).toMatchObject({ id: member.id, maskedPhone: `139****${digits}`, stats: { purchaseCount: 0 } });
    expect((await manager.post<ApiErrorBody>(`/api/admin/members/${member.id}/reveal-phone`)).body.error).toBe('permission_denied');
    const revealed = await owner.post<RevealedPhoneDto>(`/api/admin/members/${member.id}/reveal-phone`);
    expect(revealed.body).toEqual({ phone: `1391234${digits}` });
    const audit = await owner.get<AuditPageDto>(`/api/admin/audit?memberId=${member.id}`);
    expect(audit.body.entries.map((entry) => entry.action)).toEqual(['member.reveal_phone', 'member.view']);
    expect((await manager.get<ApiErrorBody>(`/api/admin/audit?memberId=${member.id}`)).status).toBe(403);
  });

  it('applies a manual adjustment once per key, with the staff id, a note and an audit entry', async () => {
    const { member } = await createMember(harness.system);
    const body = { delta: 50, note: '补录积分', idempotencyKey: `adj-${Date.now()}` };
    const answers = await Promise.all(Array.from({ length: 5 }, () => manager.post<PointsEntryDto>(`/api/admin/members/${member.id}/points-adjustments`, body)));
    expect(answers.every((answer) => answer.status === 200 && answer.body.id === answers[0]!.body.id)).toBe(true);
    expect(answers[0]!.body).toMatchObject({ delta: 50, reason: 'adjustment', note: '补录积分' });
    const debit = await manager.post<ApiErrorBody>(`/api/admin/members/${member.id}/points-adjustments`, { delta: -80, note: '扣减', idempotencyKey: `adj-${Date.now()}-b` });
    expect(debit).toMatchObject({ status: 409, body: { error: 'insufficient_points' } });
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 50, entries: 50, count: 1 });
    const ledger = await manager.get<PointsEntriesPageDto>(`/api/admin/members/${member.id}/points-entries`);
    expect(ledger.body).toMatchObject({ balance: 50, entries: [expect.objectContaining({ delta: 50, reasonLabel: '人工调整' })], nextCursor: null });
    const audit = await owner.get<AuditPageDto>(`/api/admin/audit?memberId=${member.id}`);
    expect(audit.body.entries.map((entry) => [entry.action, entry.staffId])).toEqual([
      ['member.view', managerId],
      ['member.points_adjust', managerId],
    ]);
  });
});
