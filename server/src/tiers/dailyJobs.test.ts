import { issueCardCode } from '../cards/cardCodes';
import { Member } from '../members/Member';
import { MemberSession } from '../members/MemberSession';
import { removeExpiredSessions } from '../staff/ExpiredSessionsCleanupTask';
import { MemberStats } from '../members/MemberStats';
import { pointsExpirer } from '../points/pointsExpirer';
import { PointsEntry } from '../points/PointsEntry';
import { createMember } from '../testing/factories/createMember';
import { createStore } from '../testing/factories/createStore';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { posPost } from '../testing/factories/posClient';
import { TierChange } from './TierChange';
import { tierReviewer } from './tierReviewer';
import { DAY_MS } from '../time/dayMs';
import { useTestServer } from '../testing/useTestServer';


describe('the daily points expiry and tier review jobs', () => {
  const harness = useTestServer();

  let sequence = 0;

  async function buy(memberId: string, amountFen: number): Promise<string> {
    const { store, posSecret } = await createStore(harness.system);
    const response = await posPost(harness.server.baseUrl, store, posSecret, '/api/pos/purchases', {
      cardCode: issueCardCode(harness.system, memberId, new Date()).code,
      amountFen,
      idempotencyKey: `daily-${Date.now()}-${(sequence += 1)}`,
    });
    return ((await response.json()) as { id: string }).id;
  }

  it('expires lots oldest first, once, and keeps the balance equal to the sum of entries', async () => {
    const { member } = await createMember(harness.system);
    await buy(member.id, 10000);
    await buy(member.id, 5000);
    const lots = await harness.system.dataSource.getRepository(PointsEntry).find({ where: { memberId: member.id }, order: { id: 'ASC' } });
    await harness.system.dataSource.query('UPDATE points_entries SET expires_at = ? WHERE id = ?', [new Date(Date.now() - DAY_MS), lots[0]!.id]);
    const now = new Date();
    await pointsExpirer(harness.system, now);
    await pointsExpirer(harness.system, now);
    const entries = await harness.system.dataSource.getRepository(PointsEntry).find({ where: { memberId: member.id }, order: { id: 'ASC' } });
    expect(entries.map((entry) => [entry.reason, entry.delta])).toEqual([
      ['purchase', 100],
      ['purchase', 50],
      ['expiry', -100],
    ]);
    expect(await ledgerTotals(harness.system, member.id)).toMatchObject({ balance: 50, entries: 50, lots: 50 });
  });

  it('keeps the tier through the grace period, then downgrades and records each step', async () => {
    const { member } = await createMember(harness.system);
    const purchaseId = await buy(member.id, 120000);
    const repository = harness.system.dataSource.getRepository(Member);
    expect((await repository.findOneByOrFail({ id: member.id })).tierCode).toBe('silver');
    // The purchase ages out of the rolling 12 months.
    await harness.system.dataSource.query('UPDATE purchases SET purchased_at = ? WHERE id = ?', [new Date(Date.now() - 400 * DAY_MS), purchaseId]);
    const now = Date.now();
    await tierReviewer(harness.system, new Date(now));
    expect((await repository.findOneByOrFail({ id: member.id })).tierCode).toBe('silver');
    await tierReviewer(harness.system, new Date(now + 10 * DAY_MS));
    expect((await repository.findOneByOrFail({ id: member.id })).tierCode).toBe('silver');
    await tierReviewer(harness.system, new Date(now + (harness.system.config.tiers.graceDays + 1) * DAY_MS));
    const after = await repository.findOneByOrFail({ id: member.id });
    expect(after.tierCode).toBe('normal');
    expect(after.tierDowngradePendingSince).toBeNull();
    const changes = await harness.system.dataSource.getRepository(TierChange).find({ where: { memberId: member.id }, order: { id: 'ASC' } });
    expect(changes.map((change) => [change.reason, change.fromTier, change.toTier])).toEqual([
      ['spend_upgrade', 'normal', 'silver'],
      ['grace_started', 'silver', 'silver'],
      ['spend_downgrade', 'silver', 'normal'],
    ]);
    const stats = await harness.system.dataSource.getRepository(MemberStats).findOneByOrFail({ memberId: member.id });
    expect(stats).toMatchObject({ count365d: 0, spend365dFen: 0, purchaseCount: 1, totalSpendFen: 120000 });
  });

  it('removes expired sessions and leaves live ones', async () => {
    const { member } = await createMember(harness.system);
    const sessions = harness.system.dataSource.getRepository(MemberSession);
    await sessions.insert({ memberId: member.id, tokenHash: 'e'.repeat(56) + String(Date.now()).slice(-8), expiresAt: new Date(Date.now() - 1000) });
    const removed = await removeExpiredSessions(harness.system, new Date());
    expect(removed.memberSessions).toBeGreaterThanOrEqual(1);
    expect(await sessions.countBy({ memberId: member.id })).toBe(1);
  });

  it('lifts a pending downgrade when spend recovers', async () => {
    const { member } = await createMember(harness.system, { tierCode: 'silver' });
    await tierReviewer(harness.system, new Date());
    expect((await harness.system.dataSource.getRepository(Member).findOneByOrFail({ id: member.id })).tierDowngradePendingSince).not.toBeNull();
    await buy(member.id, 100000);
    const after = await harness.system.dataSource.getRepository(Member).findOneByOrFail({ id: member.id });
    expect(after).toMatchObject({ tierCode: 'silver', tierDowngradePendingSince: null });
    const reasons = (await harness.system.dataSource.getRepository(TierChange).findBy({ memberId: member.id })).map((change) => change.reason);
    expect(reasons).toEqual(['grace_started', 'grace_cleared']);
  });
});
