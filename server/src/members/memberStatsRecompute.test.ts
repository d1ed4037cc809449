import { randomBytes } from 'node:crypto';
import { refundRecorder } from '../purchases/refundRecorder';
import { REPEATABLE_JOBS } from '../queue/repeatableJobs';
import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
import { createPurchase } from '../testing/factories/createPurchase';
import { createStore } from '../testing/factories/createStore';
import { MemberStats } from './MemberStats';
import { memberStatsRecomputer } from './memberStatsRecomputer';
import { MemberStatsRecomputeTask } from './MemberStatsRecomputeTask';
import { StatsRecomputeReport } from './StatsRecomputeReport';

describe('the nightly member statistics recompute', () => {
  let system: System;

  beforeAll(async () => {
    system = await createTestSystem();
  });

  afterAll(async () => {
    await system.close();
  });

  async function refund(purchaseId: string, storeId: string, amountFen?: number): Promise<void> {
    const key = `rf-${randomBytes(8).toString('hex')}`;
    await refundRecorder({ system, purchaseId, storeId, source: 'pos', idempotencyKey: key, requestHash: randomBytes(32).toString('hex'), amountFen, staffId: null, now: new Date() });
  }

  it('fixes and reports a corrupted or missing row, and leaves right ones (with refunds) unreported', async () => {
    const { store } = await createStore(system);
    const corrupted = (await createMember(system)).member.id;
    const untouched = (await createMember(system)).member.id;
    const missing = (await createMember(system)).member.id;
    const neverBought = (await createMember(system)).member.id;
    for (const [memberId, daysAgo, amountFen] of [
      [corrupted, 100, 20_000],
      [corrupted, 10, 30_000],
      [untouched, 400, 5_000],
      [untouched, 50, 7_000],
      [missing, 3, 9_900],
    ] as const) {
      await createPurchase(system, { memberId, storeId: store.id, amountFen, daysAgo });
    }
    const refunded = await createPurchase(system, { memberId: untouched, storeId: store.id, amountFen: 4_000, daysAgo: 5 });
    const partly = await createPurchase(system, { memberId: untouched, storeId: store.id, amountFen: 10_000, daysAgo: 1 });
    await refund(refunded.purchase.id, store.id);
    await refund(partly.purchase.id, store.id, 2_500);
    const stats = system.dataSource.getRepository(MemberStats);
    const right = await stats.findOneByOrFail({ memberId: corrupted });
    const untouchedBefore = await stats.findOneByOrFail({ memberId: untouched });
    await system.dataSource.query('UPDATE member_stats SET total_spend_fen = total_spend_fen + 1, count_90d = 7, last_purchase_at = NULL WHERE member_id = ?', [corrupted]);
    await system.dataSource.query('DELETE FROM member_stats WHERE member_id = ?', [missing]);

    const range = { afterMemberId: String(Number(corrupted) - 1), throughMemberId: neverBought, batchSize: 2 };
    const report = await memberStatsRecomputer(system, { now: new Date(), log: system.logger, ...range });
    expect(report.fixedMemberIds).toEqual([corrupted, missing]);
    expect(report).toMatchObject({ membersChecked: expect.any(Number) as number, membersFixed: 2 });
    expect(report.membersChecked).toBeGreaterThanOrEqual(4);
    expect(await system.dataSource.getRepository(StatsRecomputeReport).findOneByOrFail({ id: report.id })).toMatchObject({ fixedMemberIds: [corrupted, missing] });

    const fixed = await stats.findOneByOrFail({ memberId: corrupted });
    expect(fixed).toEqual({ ...right, windowsAsOf: fixed.windowsAsOf });
    expect(fixed).toMatchObject({ purchaseCount: 2, totalSpendFen: 50_000, averageTicketFen: 25_000, averageIntervalDays: 90, count90d: 1, count365d: 2 });
    expect(await stats.findOneByOrFail({ memberId: missing })).toMatchObject({ purchaseCount: 1, totalSpendFen: 9_900, count90d: 1, spend90dFen: 9_900 });
    expect(await stats.findOneByOrFail({ memberId: untouched })).toEqual(untouchedBefore);
    expect(untouchedBefore).toMatchObject({ purchaseCount: 3, totalSpendFen: 5_000 + 7_000 + 7_500, count365d: 2, spend365dFen: 14_500 });
    expect(await stats.findOneBy({ memberId: neverBought })).toBeNull();

    const again = await memberStatsRecomputer(system, { now: new Date(), log: system.logger, ...range });
    expect(again).toMatchObject({ membersFixed: 0, fixedMemberIds: [] });
  });

  it('runs nightly as a repeatable job', () => {
    const job = REPEATABLE_JOBS.find((entry) => entry.task instanceof MemberStatsRecomputeTask);
    expect(job?.repeat).toEqual({ cron: expect.stringMatching(/^\d+ [0-5] \* \* \*$/) as string, tz: 'Asia/Shanghai' });
  });
});
