import type { ApiErrorBody, PosKeyDto, PurchaseDto, RedemptionDto, RewardDto, StoreDto } from '@toyclub/shared';
import { issueCardCode } from '../cards/cardCodes';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { grantPoints } from '../testing/factories/grantPoints';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { memberClient } from '../testing/factories/memberClient';
import { jsonOf, posPost } from '../testing/factories/posClient';
import { useTestServer } from '../testing/useTestServer';

describe('the console: store POS keys and points rules, the rewards catalogue', () => {
  const harness = useTestServer();

  let owner: Awaited<ReturnType<typeof staffClient>>;

  beforeAll(async () => {
    owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
  });

  it('lets owners create and edit stores, and every staff member list them', async () => {
    const code = `st${Date.now() % 1_000_000}`;
    const created = await owner.post<StoreDto>('/api/admin/stores', { code, name: '旗舰店', openingHours: '10:00-21:00' });
    expect(created).toMatchObject({ status: 201, body: { code, name: '旗舰店', openingHours: '10:00-21:00', pointsPerYuan: null, hasPosKey: false } });
    expect((await owner.post<ApiErrorBody>('/api/admin/stores', { code, name: '重复' })).body.error).toBe('store_code_taken');
    const renamed = await owner.patch<StoreDto>(`/api/admin/stores/${created.body.id}`, { name: '旗舰店（新址）' });
    expect(renamed.body.name).toBe('旗舰店（新址）');
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    expect((await clerk.get<{ stores: StoreDto[] }>('/api/admin/stores')).body.stores.map((store) => store.id)).toContain(created.body.id);
    expect((await clerk.post<ApiErrorBody>('/api/admin/stores', { code: `${code}x`, name: 'x' })).body.error).toBe('permission_denied');
  });

  it('rotates a store’s POS key (the old one stops working) and applies its points rule', async () => {
    const { store, posSecret: oldSecret } = await createStore(harness.system);
    const key = await owner.post<PosKeyDto>(`/api/admin/stores/${store.id}/pos-key`);
    expect(key.body).toMatchObject({ storeId: store.id, storeCode: store.code, secret: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
    expect((await owner.put(`/api/admin/stores/${store.id}/points-rule`, { pointsPerYuan: 3 })).status).toBe(200);
    const { member } = await createMember(harness.system);
    const body = () => ({ cardCode: issueCardCode(harness.system, member.id, new Date()).code, amountFen: 2000, idempotencyKey: `rot-${Date.now()}-${Math.random()}` });
    const stale = await jsonOf<ApiErrorBody>(await posPost(harness.server.baseUrl, store, oldSecret, '/api/pos/purchases', body()));
    expect(stale).toMatchObject({ status: 401, body: { error: 'pos_signature_invalid' } });
    const fresh = await jsonOf<PurchaseDto>(await posPost(harness.server.baseUrl, store, key.body.secret, '/api/pos/purchases', body()));
    expect(fresh.body.pointsEarned).toBe(60);
    expect((await owner.post<ApiErrorBody>('/api/admin/stores/999999999/pos-key')).body.error).toBe('store_not_found');
  });

  it('lets managers run the rewards catalogue, and a clerk fulfil from the console', async () => {
    const manager = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'manager' })).username);
    const created = await manager.post<RewardDto>('/api/admin/rewards', { name: '奥特曼卡片', pointsPrice: 40, stock: 3 });
    expect(created).toMatchObject({ status: 201, body: { name: '奥特曼卡片', pointsPrice: 40, stock: 3, active: true, description: '' } });
    const patched = await manager.patch<RewardDto>(`/api/admin/rewards/${created.body.id}`, { stock: 8 });
    expect(patched.body.stock).toBe(8);
    expect((await manager.patch<ApiErrorBody>(`/api/admin/rewards/${created.body.id}`, {})).body.error).toBe('nothing_to_update');
    expect((await manager.post<ApiErrorBody>('/api/admin/rewards', { name: '', pointsPrice: -1, stock: 1 })).status).toBe(400);
    const { member, token } = await createMember(harness.system);
    await grantPoints(harness.system, member.id, 40);
    const redemption = await memberClient(harness.server.baseUrl, token).post<RedemptionDto>(`/api/mp/rewards/${created.body.id}/redemptions`, { idempotencyKey: `console-${Date.now()}` });
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    const fulfilled = await clerk.post<RedemptionDto>('/api/admin/redemptions/fulfil', { code: redemption.body.code });
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled', fulfilledAt: expect.any(String) });
    expect((await manager.post<ApiErrorBody>('/api/admin/redemptions/cancel', { code: redemption.body.code })).body.error).toBe('redemption_not_pending');
    await grantPoints(harness.system, member.id, 40);
    const second = await memberClient(harness.server.baseUrl, token).post<RedemptionDto>(`/api/mp/rewards/${created.body.id}/redemptions`, { idempotencyKey: `console2-${Date.now()}` });
    expect(second.body.balanceAfter).toBe(0);
    const cancels = await Promise.all([1, 2, 3].map(() => manager.post<RedemptionDto | ApiErrorBody>('/api/admin/redemptions/cancel', { code: second.body.code })));
    expect(cancels.filter((answer) => answer.status === 200).map((answer) => answer.body)).toEqual([expect.objectContaining({ status: 'cancelled', balanceAfter: 40 })]);
    expect((await clerk.post<ApiErrorBody>('/api/admin/redemptions/fulfil', { code: second.body.code })).body.error).toBe('redemption_cancelled');
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 40, entries: 40, lots: 40 });
    const stock = (await manager.get<{ rewards: RewardDto[] }>('/api/admin/rewards')).body.rewards.find((reward) => reward.id === created.body.id)!.stock;
    expect(stock).toBe(7);
    await manager.patch(`/api/admin/rewards/${created.body.id}`, { active: false });
    const list = await memberClient(harness.server.baseUrl, token).get<{ rewards: RewardDto[] }>('/api/mp/rewards');
    expect(list.body.rewards.map((reward) => reward.id)).not.toContain(created.body.id);
  });
});
