import type { ApiErrorBody, MemberMeDto, PointsEntriesPageDto, PurchaseDto, RedemptionDto, RefundDto } from '@toyclub/shared';
import { issueCardCode } from '../cards/cardCodes';
import { createMember } from '../testing/factories/createMember';
import { createReward } from '../testing/factories/createReward';
import { createStore } from '../testing/factories/createStore';
import { grantPoints } from '../testing/factories/grantPoints';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { memberClient } from '../testing/factories/memberClient';
import { jsonOf, posPost } from '../testing/factories/posClient';
import { Reward } from './Reward';
import { useTestServer } from '../testing/useTestServer';

describe('rewards and redemptions', () => {
  const harness = useTestServer();

  let sequence = 0;
  const key = () => `redeem-${Date.now()}-${(sequence += 1)}`;

  it('never oversells: 100 concurrent redemptions of a reward with stock 10 succeed exactly 10 times', async () => {
    const reward = await createReward(harness.system, { pointsPrice: 50, stock: 10 });
    const members = await Promise.all(Array.from({ length: 100 }, () => createMember(harness.system)));
    for (const { member } of members) await grantPoints(harness.system, member.id, 60);
    const answers = await Promise.all(
      members.map(({ token }) => memberClient(harness.server.baseUrl, token).post<RedemptionDto | ApiErrorBody>(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey: key() })),
    );
    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => (answer.body as ApiErrorBody).error)).toEqual(Array(90).fill('reward_out_of_stock'));
    expect((await harness.system.dataSource.getRepository(Reward).findOneByOrFail({ id: reward.id })).stock).toBe(0);
    const balances = await Promise.all(members.map(({ member }) => ledgerTotals(harness.system, member.id)));
    expect(balances.filter((totals) => totals.balance === 10)).toHaveLength(10);
    expect(balances.every((totals) => totals.balance === totals.entries && totals.balance === totals.lots)).toBe(true);
  });

  it('charges once for concurrent retries of one redemption and answers them alike', async () => {
    const reward = await createReward(harness.system, { pointsPrice: 30, stock: 5 });
    const { member, token } = await createMember(harness.system);
    await grantPoints(harness.system, member.id, 100);
    const client = memberClient(harness.server.baseUrl, token);
    const idempotencyKey = key();
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.post<RedemptionDto>(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers[0]!.body).toMatchObject({ points: 30, status: 'pending', balanceAfter: 70 });
    expect(answers[0]!.body.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 70, entries: 70 });
    expect((await harness.system.dataSource.getRepository(Reward).findOneByOrFail({ id: reward.id })).stock).toBe(4);
  });

  it('refuses a redemption without enough points and changes nothing', async () => {
    const reward = await createReward(harness.system, { pointsPrice: 500, stock: 5 });
    const { member, token } = await createMember(harness.system);
    await grantPoints(harness.system, member.id, 100);
    const answer = await memberClient(harness.server.baseUrl, token).post<ApiErrorBody>(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey: key() });
    expect(answer).toMatchObject({ status: 409, body: { error: 'insufficient_points', message: expect.stringMatching(/积分不足/) } });
    expect((await harness.system.dataSource.getRepository(Reward).findOneByOrFail({ id: reward.id })).stock).toBe(5);
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 100, count: 1 });
  });

  it('never leaves a negative balance when a purchase is refunded after its points were partly spent', async () => {
    const { store, posSecret } = await createStore(harness.system);
    const reward = await createReward(harness.system, { pointsPrice: 80, stock: 5 });
    const { member, token } = await createMember(harness.system);
    const purchase = await jsonOf<PurchaseDto>(
      await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/purchases', { cardCode: issueCardCode(harness.system, member.id, new Date()).code, amountFen: 10000, idempotencyKey: key() }),
    );
    expect(purchase.body.balanceAfter).toBe(100);
    const client = memberClient(harness.server.baseUrl, token);
    expect((await client.post<RedemptionDto>(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey: key() })).status).toBe(200);
    const refund = await jsonOf<RefundDto>(await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/refunds', { purchaseId: purchase.body.id, idempotencyKey: key() }));
    expect(refund.body).toMatchObject({ pointsReversed: 20, pointsShortfall: 80, balanceAfter: 0 });
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 0, entries: 0, lots: 0 });
    const page = await client.get<PointsEntriesPageDto>('/api/mp/points/entries');
    expect(page.body.entries.map((entry) => [entry.reason, entry.delta])).toEqual([
      ['refund', -20],
      ['redemption', -80],
      ['purchase', 100],
    ]);
    const me = await client.get<MemberMeDto>('/api/mp/me');
    expect(me.body.pointsBalance).toBe(0);
  });

  it('lists active rewards and the member’s redemptions', async () => {
    const reward = await createReward(harness.system, { pointsPrice: 10, stock: 3 });
    const { member, token } = await createMember(harness.system);
    await grantPoints(harness.system, member.id, 10);
    const client = memberClient(harness.server.baseUrl, token);
    await client.post(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey: key() });
    const list = await client.get<{ rewards: Array<{ id: string }> }>('/api/mp/rewards');
    expect(list.body.rewards.map((item) => item.id)).toContain(reward.id);
    const mine = await client.get<{ redemptions: RedemptionDto[] }>('/api/mp/redemptions');
    expect(mine.body.redemptions).toEqual([expect.objectContaining({ rewardId: reward.id, rewardName: '乐高小人仔', status: 'pending' })]);
    expect((await memberClient(harness.server.baseUrl, 'not-a-real-token-000000000').get<ApiErrorBody>('/api/mp/rewards')).status).toBe(401);
  });
});
