import type { ApiErrorBody, ChildDto, MemberMeDto } from '@toyclub/shared';
import { issueCardCode } from '../cards/cardCodes';
import { Child } from '../children/Child';
import { Member } from '../members/Member';
import { createMember } from '../testing/factories/createMember';
import { createCampaignFixture } from '../testing/factories/createCampaignFixture';
import { createStore } from '../testing/factories/createStore';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { memberClient } from '../testing/factories/memberClient';
import { posPost } from '../testing/factories/posClient';
import { Consent } from './Consent';
import { useTestServer } from '../testing/useTestServer';

describe('consent, children, export and deletion', () => {
  const harness = useTestServer();

  let version: string;
  const child = { name: '朵朵', birthMonth: 5, birthDay: 20, birthYear: 2019, gender: 'girl', interests: ['dolls', 'arts_crafts'] };

  beforeAll(async () => {
    version = harness.system.config.membership.privacyPolicyVersion;
  });

  it('stores nothing personal before consent to the current policy version', async () => {
    const { member, token } = await createMember(harness.system, { consented: false });
    const client = memberClient(harness.server.baseUrl, token);
    const me = await client.get<MemberMeDto>('/api/mp/me');
    expect(me.body.consent).toEqual({ currentPolicyVersion: version, privacyAccepted: false, privacyAcceptedVersion: null, guardianAccepted: false });
    expect((await client.patch<ApiErrorBody>('/api/mp/me', { nickname: '小明妈妈' })).body.error).toBe('consent_required');
    expect((await client.post<ApiErrorBody>('/api/mp/children', child)).body.error).toBe('consent_required');
    expect((await client.post<ApiErrorBody>('/api/mp/consent', { policyVersion: 'old-version' })).body.error).toBe('policy_version_outdated');
    expect((await harness.system.dataSource.getRepository(Member).findOneByOrFail({ id: member.id })).nickname).toBeNull();
    const consented = await client.post<MemberMeDto>('/api/mp/consent', { policyVersion: version });
    expect(consented.body.consent.privacyAccepted).toBe(true);
    expect((await client.patch<MemberMeDto>('/api/mp/me', { nickname: '小明妈妈' })).body.nickname).toBe('小明妈妈');
    const recorded = await harness.system.dataSource.getRepository(Consent).findBy({ memberId: member.id });
    expect(recorded).toEqual([expect.objectContaining({ kind: 'privacy', policyVersion: version, grantedAt: expect.any(Date) })]);
  });

  it("needs the guardian's separate consent before storing children, and validates them", async () => {
    const { token } = await createMember(harness.system);
    const client = memberClient(harness.server.baseUrl, token);
    expect((await client.post<ApiErrorBody>('/api/mp/children', child)).body.error).toBe('guardian_consent_required');
    await client.post('/api/mp/consent', { policyVersion: version, kind: 'guardian' });
    const created = await client.post<ChildDto>('/api/mp/children', child);
    expect(created).toMatchObject({ status: 201, body: { name: '朵朵', birthMonth: 5, birthDay: 20, gender: 'girl', interests: ['dolls', 'arts_crafts'] } });
    const impossible = await client.post<ApiErrorBody>('/api/mp/children', { ...child, birthMonth: 2, birthDay: 30 });
    expect(impossible).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    expect((await client.post<ApiErrorBody>('/api/mp/children', { ...child, interests: ['weapons'] })).status).toBe(400);
    const updated = await client.put<ChildDto>(`/api/mp/children/${created.body.id}`, { ...child, name: '朵朵宝贝' });
    expect(updated.body.name).toBe('朵朵宝贝');
    const me = await client.get<MemberMeDto>('/api/mp/me');
    expect(me.body.children.map((row) => row.name)).toEqual(['朵朵宝贝']);
    const other = memberClient(harness.server.baseUrl, (await createMember(harness.system, { guardianConsented: true })).token);
    expect((await other.delete<ApiErrorBody>(`/api/mp/children/${created.body.id}`)).status).toBe(404);
    const withdrawn = await client.delete<MemberMeDto>('/api/mp/consent/guardian');
    expect(withdrawn.body.consent.guardianAccepted).toBe(false);
    expect(await harness.system.dataSource.getRepository(Child).countBy({ id: created.body.id })).toBe(0);
  });

  it('exports the member’s data and deletes the account while keeping the ledger intact', async () => {
    const { member, token } = await createMember(harness.system, { guardianConsented: true, phone: '13512345678', nickname: '删除测试' });
    const client = memberClient(harness.server.baseUrl, token);
    await client.post('/api/mp/children', child);
    const { store, posSecret } = await createStore(harness.system);
    await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/purchases', { cardCode: issueCardCode(harness.system, member.id, new Date()).code, amountFen: 4200, idempotencyKey: `privacy-${Date.now()}` });
    await harness.system.dataSource.query(
      "INSERT INTO member_tags (member_id, tag_id, source, assigned_at) SELECT ?, id, 'manual', NOW(3) FROM tags WHERE name = '母婴潜在客户'",
      [member.id],
    );
    const campaign = await createCampaignFixture(harness.system, { name: '周末拼装活动通知' });
    await campaign.addSend({ memberId: member.id, state: 'sent', sentAt: new Date() });
    const exported = await client.get<Record<string, unknown>>('/api/mp/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      tags: [expect.objectContaining({ name: '母婴潜在客户', source: 'manual' })],
      messages: [expect.objectContaining({ campaign: '周末拼装活动通知', channel: 'template', state: 'sent', clickedAt: null })],
    });
    expect(exported.body).toMatchObject({
      member: { id: member.id, nickname: '删除测试', phone: '13512345678', pointsBalance: 42 },
      children: [expect.objectContaining({ name: '朵朵' })],
      purchases: [expect.objectContaining({ amountFen: 4200, pointsEarned: 42 })],
      pointsLedger: [expect.objectContaining({ reason: 'purchase', delta: 42 })],
    });
    expect((await client.get<{ phone: string }>('/api/mp/me/phone')).body.phone).toBe('13512345678');
    expect((await client.delete('/api/mp/me')).status).toBe(204);
    expect((await client.get<ApiErrorBody>('/api/mp/me')).status).toBe(401);
    const erased = await harness.system.dataSource.getRepository(Member).findOneByOrFail({ id: member.id });
    expect(erased).toMatchObject({ nickname: null, phoneSealed: null, phoneLast4: null, phoneHash: null, unionid: null, openid: `deleted:${member.id}` });
    expect(erased.deletedAt).not.toBeNull();
    expect(await harness.system.dataSource.getRepository(Child).countBy({ memberId: member.id })).toBe(0);
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 42, entries: 42, count: 1 });
  });
});
