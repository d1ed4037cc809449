import type { ApiErrorBody, PurchaseDto, RefundDto } from '@toyclub/shared';
import { issueCardCode } from '../cards/cardCodes';
import { createMember } from '../testing/factories/createMember';
import { createStore } from '../testing/factories/createStore';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { jsonOf, posPost } from '../testing/factories/posClient';
import { MemberStats } from '../members/MemberStats';
import { TierChange } from '../tiers/TierChange';
import { useTestServer } from '../testing/useTestServer';

describe('POST /api/pos/purchases and /api/pos/refunds', () => {
  const harness = useTestServer();

  let key = 0;
  const nextKey = () => `pos-${Date.now()}-${(key += 1)}`;

  async function setup(memberOverrides: Parameters<typeof createMember>[1] = {}, pointsPerYuan: number | null = null) {
    const { store, posSecret } = await createStore(harness.system, { pointsPerYuan });
    const { member } = await createMember(harness.system, memberOverrides);
    const post = (path: string, body: unknown, options?: Parameters<typeof posPost>[5]) =>
      posPost(harness.server.baseUrl, store, posSecret, path, body, options);
    const card = () => issueCardCode(harness.system, member.id, new Date()).code;
    return { store, member, post, card };
  }

  it('credits points by the store rule times the tier multiplier and updates the statistics', async () => {
    const { member, post, card } = await setup({ tierCode: 'gold' }, 2);
    const { status, body } = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 12345, idempotencyKey: nextKey() }));
    expect(status).toBe(200);
    expect(body.pointsEarned).toBe(370); // 123.45 yuan × 2 per yuan × 1.5, rounded down
    expect(body.multiplierPercent).toBe(150);
    expect(body.balanceAfter).toBe(370);
    await post('/api/pos/purchases', { cardCode: card(), amountFen: 5000, idempotencyKey: nextKey() });
    const stats = await harness.system.dataSource.getRepository(MemberStats).findOneByOrFail({ memberId: member.id });
    expect(stats).toMatchObject({ purchaseCount: 2, totalSpendFen: 17345, averageTicketFen: 8672, count90d: 2, spend365dFen: 17345 });
    expect(stats.firstPurchaseAt).not.toBeNull();
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 370 + 150, entries: 520, lots: 520 });
  });

  it('credits once for 50 concurrent purchases with the same idempotency key, all answered alike', async () => {
    const { member, post, card } = await setup();
    const body = { cardCode: card(), amountFen: 9900, idempotencyKey: nextKey(), items: [{ name: '乐高积木', category: 'building_blocks', quantity: 1, amountFen: 9900 }] };
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('/api/pos/purchases', body).then((r) => jsonOf<PurchaseDto>(r))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    const ids = new Set(answers.map((answer) => answer.body.id));
    expect(ids.size).toBe(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(await ledgerTotals(harness.system, member.id)).toEqual({ balance: 99, entries: 99, lots: 99, count: 1 });
    const stats = await harness.system.dataSource.getRepository(MemberStats).findOneByOrFail({ memberId: member.id });
    expect(stats.purchaseCount).toBe(1);
  });

  it('keeps the balance exact under concurrent distinct purchases for one member', async () => {
    const { member, post } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        post('/api/pos/purchases', { cardCode: issueCardCode(harness.system, member.id, new Date()).code, amountFen: 1000 + index * 100, idempotencyKey: nextKey() }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const expected = Array.from({ length: 20 }, (_, index) => Math.floor((1000 + index * 100) / 100)).reduce((a, b) => a + b, 0);
    expect(await ledgerTotals(harness.system, member.id)).toEqual({ balance: expected, entries: expected, lots: expected, count: 20 });
  });

  it('refuses an idempotency key reused for a different purchase', async () => {
    const { post, card } = await setup();
    const idempotencyKey = nextKey();
    expect((await post('/api/pos/purchases', { cardCode: card(), amountFen: 1000, idempotencyKey })).status).toBe(200);
    const second = await jsonOf<ApiErrorBody>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 2000, idempotencyKey }));
    expect(second).toMatchObject({ status: 409, body: { error: 'idempotency_key_reused' } });
  });

  it('refuses forged, expired and reused card codes', async () => {
    const { member, post, card } = await setup();
    const valid = card();
    const forged = `${valid.slice(0, -3)}abc`;
    expect((await jsonOf<ApiErrorBody>(await post('/api/pos/purchases', { cardCode: forged, amountFen: 100, idempotencyKey: nextKey() }))).body.error).toBe('card_code_invalid');
    const expired = issueCardCode(harness.system, member.id, new Date(Date.now() - 120_000)).code;
    const old = await jsonOf<ApiErrorBody>(await post('/api/pos/purchases', { cardCode: expired, amountFen: 100, idempotencyKey: nextKey() }));
    expect(old).toMatchObject({ status: 410, body: { error: 'card_code_expired' } });
    expect((await post('/api/pos/purchases', { cardCode: valid, amountFen: 100, idempotencyKey: nextKey() })).status).toBe(200);
    const reused = await jsonOf<ApiErrorBody>(await post('/api/pos/purchases', { cardCode: valid, amountFen: 100, idempotencyKey: nextKey() }));
    expect(reused).toMatchObject({ status: 409, body: { error: 'card_code_used' } });
    expect((await ledgerTotals(harness.system, member.id)).count).toBe(1);
  });

  it('refuses bad signatures, skewed clocks and bad input without changing anything', async () => {
    const { member, post, card } = await setup();
    const tampered = await jsonOf<ApiErrorBody>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 100, idempotencyKey: nextKey() }, { tamper: true }));
    expect(tampered).toMatchObject({ status: 401, body: { error: 'pos_signature_invalid' } });
    const skewed = await jsonOf<ApiErrorBody>(
      await post('/api/pos/purchases', { cardCode: card(), amountFen: 100, idempotencyKey: nextKey() }, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
    );
    expect(skewed).toMatchObject({ status: 401, body: { error: 'pos_timestamp_skewed' } });
    const floaty = await jsonOf<ApiErrorBody>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 12.5, idempotencyKey: nextKey() }));
    expect(floaty).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    expect(floaty.body.details?.['body.amountFen']).toMatch(/[\u4e00-\u9fa5]/);
    expect((await ledgerTotals(harness.system, member.id)).count).toBe(0);
  });

  it('upgrades the tier at once when the 12-month spend reaches the next threshold, and records why', async () => {
    const { member, post, card } = await setup();
    const first = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 60000, idempotencyKey: nextKey() }));
    expect(first.body.tierUpgradedTo).toBeNull();
    const second = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 50000, idempotencyKey: nextKey() }));
    expect(second.body).toMatchObject({ tierUpgradedTo: 'silver', multiplierPercent: 100, pointsEarned: 500 });
    const third = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 10000, idempotencyKey: nextKey() }));
    expect(third.body).toMatchObject({ tierCode: 'silver', multiplierPercent: 120, pointsEarned: 120 });
    const changes = await harness.system.dataSource.getRepository(TierChange).findBy({ memberId: member.id });
    expect(changes).toEqual([expect.objectContaining({ fromTier: 'normal', toTier: 'silver', reason: 'spend_upgrade', spend365dFen: 110000 })]);
  });

  it('reverses exactly the points a purchase earned, proportionally for partial refunds, once per key', async () => {
    const { member, post, card } = await setup();
    const purchase = (await jsonOf<PurchaseDto>(await post('/api/pos/purchases', { cardCode: card(), amountFen: 10050, idempotencyKey: nextKey() }))).body;
    await post('/api/pos/purchases', { cardCode: card(), amountFen: 3000, idempotencyKey: nextKey() });
    const refundKey = nextKey();
    const partial = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/pos/refunds', { purchaseId: purchase.id, amountFen: 5025, idempotencyKey: refundKey }).then((r) => jsonOf<RefundDto>(r))),
    );
    expect(partial.every((answer) => answer.status === 200 && answer.body.id === partial[0]!.body.id)).toBe(true);
    expect(partial[0]!.body).toMatchObject({ amountFen: 5025, pointsReversed: 50, pointsShortfall: 0, balanceAfter: 130 - 50 });
    const rest = await jsonOf<RefundDto>(await post('/api/pos/refunds', { purchaseId: purchase.id, idempotencyKey: nextKey() }));
    expect(rest.body).toMatchObject({ amountFen: 5025, pointsReversed: 50, balanceAfter: 30 });
    const again = await jsonOf<ApiErrorBody>(await post('/api/pos/refunds', { purchaseId: purchase.id, idempotencyKey: nextKey() }));
    expect(again).toMatchObject({ status: 409, body: { error: 'purchase_fully_refunded' } });
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 30, entries: 30, lots: 30 });
    const stats = await harness.system.dataSource.getRepository(MemberStats).findOneByOrFail({ memberId: member.id });
    expect(stats).toMatchObject({ purchaseCount: 1, totalSpendFen: 3000, spend365dFen: 3000 });
  });

  it("refuses a refund of another store's purchase", async () => {
    const first = await setup();
    const other = await setup();
    const purchase = (await jsonOf<PurchaseDto>(await first.post('/api/pos/purchases', { cardCode: first.card(), amountFen: 1000, idempotencyKey: nextKey() }))).body;
    const refused = await jsonOf<ApiErrorBody>(await other.post('/api/pos/refunds', { purchaseId: purchase.id, idempotencyKey: nextKey() }));
    expect(refused).toMatchObject({ status: 404, body: { error: 'purchase_not_found' } });
  });

  it('returns a one-time receipt code for a purchase without a member', async () => {
    const { post } = await setup();
    const body = { amountFen: 8800, idempotencyKey: nextKey() };
    const first = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', body));
    expect(first.body.memberId).toBeNull();
    expect(first.body.receiptCode?.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(first.body.receiptCode?.scene).toBe(`r${first.body.receiptCode?.code}`);
    const replay = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', body));
    expect(replay.body).toEqual(first.body);
  });
});
