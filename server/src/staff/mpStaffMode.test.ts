import type { ApiErrorBody, AuditPageDto, BindingCodeDto, PurchaseDto, RedemptionDto, ScannedMemberDto, StaffAccountDto } from '@toyclub/shared';
import { issueCardCode } from '../cards/cardCodes';
import { createMember } from '../testing/factories/createMember';
import { createReward } from '../testing/factories/createReward';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { grantPoints } from '../testing/factories/grantPoints';
import { memberClient } from '../testing/factories/memberClient';
import { Purchase } from '../purchases/Purchase';
import { useTestServer } from '../testing/useTestServer';

describe('店员模式: binding a staff account and acting at the till', () => {
  const harness = useTestServer();

  let sequence = 0;
  const key = () => `till-${Date.now()}-${(sequence += 1)}`;

  async function boundClerk(role: 'clerk' | 'manager' = 'clerk') {
    const { store } = await createStore(harness.system);
    const account = await createStaff(harness.system, { role, storeId: store.id });
    const console = await staffClient(harness.server.baseUrl, account.username);
    const code = await console.post<BindingCodeDto>(`/api/admin/staff/${account.id}/binding-code`);
    expect(code.status).toBe(201);
    const { member, token } = await createMember(harness.system);
    const phone = memberClient(harness.server.baseUrl, token);
    const bound = await phone.post<StaffAccountDto>('/api/mp/staff/binding', { code: code.body.code });
    expect(bound).toMatchObject({ status: 200, body: { id: account.id, boundToMiniProgram: true } });
    const reused = await memberClient(harness.server.baseUrl, (await createMember(harness.system)).token).post<ApiErrorBody>('/api/mp/staff/binding', { code: code.body.code });
    expect(reused).toMatchObject({ status: 400, body: { error: 'binding_code_invalid' } });
    return { store, account, phone, member };
  }

  it('refuses staff routes to members who are not bound staff', async () => {
    const { token, member } = await createMember(harness.system);
    const answer = await memberClient(harness.server.baseUrl, token).post<ApiErrorBody>('/api/mp/staff/card-scans', { cardCode: issueCardCode(harness.system, member.id, new Date()).code });
    expect(answer).toMatchObject({ status: 403, body: { error: 'not_staff' } });
  });

  it('scans a card (audited), records a purchase at the clerk’s store, and refuses refunds to clerks', async () => {
    const { store, account, phone } = await boundClerk();
    const { member: customer } = await createMember(harness.system, { phone: '13700001234', nickname: '豆豆爸爸' });
    const scan = await phone.post<ScannedMemberDto>('/api/mp/staff/card-scans', { cardCode: issueCardCode(harness.system, customer.id, new Date()).code });
    expect(scan.body).toMatchObject({ memberId: customer.id, nickname: '豆豆爸爸', maskedPhone: '137****1234', tierName: '普通' });
    const purchase = await phone.post<PurchaseDto>('/api/mp/staff/purchases', {
      cardCode: issueCardCode(harness.system, customer.id, new Date()).code,
      amountFen: 25900,
      idempotencyKey: key(),
      items: [{ name: '磁力片', category: 'building_blocks', quantity: 1, amountFen: 25900 }],
      storeId: '999999',
    });
    expect(purchase).toMatchObject({ status: 200, body: { storeId: store.id, memberId: customer.id, pointsEarned: 259 } });
    expect((await harness.system.dataSource.getRepository(Purchase).findOneByOrFail({ id: purchase.body.id })).staffId).toBe(account.id);
    const refund = await phone.post<ApiErrorBody>('/api/mp/staff/refunds', { purchaseId: purchase.body.id, idempotencyKey: key() });
    expect(refund).toMatchObject({ status: 403, body: { error: 'permission_denied' } });
    const owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    const audit = await owner.get<AuditPageDto>(`/api/admin/audit?memberId=${customer.id}`);
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'member.card_scan', staffId: account.id })]);
  });

  it('lets a manager refund at the till', async () => {
    const { phone } = await boundClerk('manager');
    const { member: customer } = await createMember(harness.system);
    const purchase = await phone.post<PurchaseDto>('/api/mp/staff/purchases', { cardCode: issueCardCode(harness.system, customer.id, new Date()).code, amountFen: 1000, idempotencyKey: key() });
    const refund = await phone.post<{ pointsReversed: number }>('/api/mp/staff/refunds', { purchaseId: purchase.body.id, idempotencyKey: key() });
    expect(refund).toMatchObject({ status: 200, body: { pointsReversed: 10 } });
  });

  it('fulfils a redemption code exactly once', async () => {
    const { phone } = await boundClerk();
    const reward = await createReward(harness.system, { pointsPrice: 20, stock: 2 });
    const { member, token } = await createMember(harness.system);
    await grantPoints(harness.system, member.id, 20);
    const redemption = await memberClient(harness.server.baseUrl, token).post<RedemptionDto>(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey: key() });
    const answers = await Promise.all([1, 2, 3].map(() => phone.post<RedemptionDto | ApiErrorBody>('/api/mp/staff/redemptions/fulfil', { code: redemption.body.code.toLowerCase() })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => (answer.body as ApiErrorBody).error)).toEqual(['redemption_already_fulfilled', 'redemption_already_fulfilled']);
    const unknown = await phone.post<ApiErrorBody>('/api/mp/staff/redemptions/fulfil', { code: 'ZZZZZZZZZZ' });
    expect(unknown).toMatchObject({ status: 404, body: { error: 'redemption_not_found' } });
  });
});
