import type { ApiErrorBody, CardCodeDto, CheckInDto, PurchaseDto, ReceiptClaimDto, SceneDto, StoreCheckInCodeDto } from '@toyclub/shared';
import { ReceiptCode } from '../receipts/ReceiptCode';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { memberClient } from '../testing/factories/memberClient';
import { jsonOf, posPost } from '../testing/factories/posClient';
import { storeCheckInScene } from './storeScenes';
import { useTestServer } from '../testing/useTestServer';

describe('card codes, store check-in and receipt claim codes', () => {
  const harness = useTestServer();

  let sequence = 0;
  const key = () => `instore-${Date.now()}-${(sequence += 1)}`;

  it('issues a short-lived card code that a till can use once', async () => {
    const { member, token } = await createMember(harness.system);
    const card = await memberClient(harness.server.baseUrl, token).post<CardCodeDto>('/api/mp/card-code');
    expect(card.status).toBe(200);
    const ttl = new Date(card.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(harness.system.config.membership.cardCodeTtlSeconds * 1000);
    expect(card.body.code.length).toBeLessThan(64);
    const { store, posSecret } = await createStore(harness.system);
    const purchase = await jsonOf<PurchaseDto>(await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/purchases', { cardCode: card.body.code, amountFen: 1500, idempotencyKey: key() }));
    expect(purchase.body.memberId).toBe(member.id);
  });

  it('checks a member in once a day from the signed store scene, and refuses forged scenes', async () => {
    const { store } = await createStore(harness.system, { name: '万达店' });
    const owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    const code = await owner.get<StoreCheckInCodeDto>(`/api/admin/stores/${store.id}/check-in-code`);
    expect(code.body.scene.length).toBeLessThanOrEqual(32);
    expect(code.body.scene).toMatch(/^[A-Za-z0-9._-]+$/);
    const { member, token } = await createMember(harness.system);
    const client = memberClient(harness.server.baseUrl, token);
    const landing = await client.get<SceneDto>(`/api/mp/scenes/${encodeURIComponent(code.body.scene)}`);
    expect(landing.body).toEqual({ kind: 'check_in', storeId: store.id, storeName: '万达店' });
    const first = await client.post<CheckInDto>('/api/mp/check-ins', { scene: code.body.scene });
    expect(first).toMatchObject({ status: 200, body: { storeId: store.id, points: harness.system.config.points.checkInPoints, balanceAfter: harness.system.config.points.checkInPoints } });
    const again = await Promise.all([1, 2, 3].map(() => client.post<ApiErrorBody>('/api/mp/check-ins', { scene: code.body.scene })));
    expect(again.map((answer) => answer.body.error)).toEqual(['already_checked_in', 'already_checked_in', 'already_checked_in']);
    const otherStore = (await createStore(harness.system)).store;
    const forgedId = code.body.scene.replace(/^k[0-9a-z]+/, `k${BigInt(otherStore.id).toString(36)}`);
    const forgedSignature = `${code.body.scene.slice(0, -2)}${code.body.scene.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const forged of [forgedId, forgedSignature, 'k1.AAAAAAAAAAAAAAAA', storeCheckInScene({ ...harness.system.config, security: { signingSecret: 'x'.repeat(40) } }, store.id)]) {
      const refused = await memberClient(harness.server.baseUrl, (await createMember(harness.system)).token).post<ApiErrorBody>('/api/mp/check-ins', { scene: forged });
      expect(refused).toMatchObject({ status: 400, body: { error: 'scene_invalid' } });
    }
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: harness.system.config.points.checkInPoints, count: 1 });
  });

  it('lets exactly one member claim a receipt code, once, and refuses expired and unknown codes', async () => {
    const { store, posSecret } = await createStore(harness.system);
    const purchase = await jsonOf<PurchaseDto>(await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/purchases', { amountFen: 6600, idempotencyKey: key() }));
    const code = purchase.body.receiptCode!.code;
    const members = await Promise.all(Array.from({ length: 5 }, () => createMember(harness.system)));
    const landing = await memberClient(harness.server.baseUrl, members[0]!.token).get<SceneDto>(`/api/mp/scenes/${purchase.body.receiptCode!.scene}`);
    expect(landing.body).toEqual({ kind: 'receipt', code });
    const answers = await Promise.all(members.map(({ token }) => memberClient(harness.server.baseUrl, token).post<ReceiptClaimDto | ApiErrorBody>('/api/mp/receipt-claims', { code })));
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.body).toMatchObject({ purchaseId: purchase.body.id, pointsEarned: 66, balanceAfter: 66 });
    expect(answers.filter((answer) => answer.status === 409).map((answer) => (answer.body as ApiErrorBody).error)).toEqual(Array(4).fill('receipt_code_used'));
    const winner = members[answers.indexOf(winners[0]!)]!;
    expect(await ledgerTotals(harness.system, winner.member.id)).toMatchObject({ balance: 66, entries: 66 });
    const retry = await memberClient(harness.server.baseUrl, winner.token).post<ReceiptClaimDto>('/api/mp/receipt-claims', { code: code.toLowerCase() });
    expect(retry.body).toEqual(winners[0]!.body);

    const late = await jsonOf<PurchaseDto>(await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/purchases', { amountFen: 1000, idempotencyKey: key() }));
    await harness.system.dataSource.getRepository(ReceiptCode).update({ purchaseId: late.body.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await memberClient(harness.server.baseUrl, winner.token).post<ApiErrorBody>('/api/mp/receipt-claims', { code: late.body.receiptCode!.code });
    expect(expired).toMatchObject({ status: 410, body: { error: 'receipt_code_expired' } });
    const unknown = await memberClient(harness.server.baseUrl, winner.token).post<ApiErrorBody>('/api/mp/receipt-claims', { code: 'ABCDEFGHJK' });
    expect(unknown).toMatchObject({ status: 404, body: { error: 'receipt_code_invalid' } });
  });
});
