import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { loadStats, recomputeWindows, storeStats } from '../members/memberStatsRecorder';
import type { System } from '../system/System';
import { changeTier } from './tierUpgrader';
import { qualifyingTier, tierRank } from './tierLevels';
import { DAY_MS } from '../time/dayMs';


/**
 * Reviews one member's tier against their exact rolling 12-month spend: upgrades at
 * once, starts a grace period when spend fell below the tier, downgrades when the grace
 * period has run out, lifts it when spend recovered. Also refreshes the 90/365-day
 * statistics that purchases only adjust in place.
 */
export async function reviewMemberTier(manager: EntityManager, config: AppConfig, memberId: string, now: Date): Promise<void> {
  const member = await lockMember(manager, memberId);
  const stats = await loadStats(manager, memberId, now);
  await recomputeWindows(manager, stats, now);
  await storeStats(manager, stats);
  const levels = config.tiers.levels;
  const earned = qualifyingTier(levels, stats.spend365dFen);
  const earnedRank = tierRank(levels, earned.code);
  const currentRank = tierRank(levels, member.tierCode);
  const spend = stats.spend365dFen;
  if (earnedRank > currentRank) return changeTier(manager, member, earned.code, 'spend_upgrade', spend, now);
  if (earnedRank === currentRank) {
    if (member.tierDowngradePendingSince) await changeTier(manager, member, member.tierCode, 'grace_cleared', spend, now);
    return;
  }
  const graceMs = config.tiers.graceDays * DAY_MS;
  const pendingSince = member.tierDowngradePendingSince;
  if (!pendingSince && graceMs > 0) return changeTier(manager, member, member.tierCode, 'grace_started', spend, now);
  if (!pendingSince || now.getTime() - pendingSince.getTime() >= graceMs) {
    await changeTier(manager, member, earned.code, 'spend_downgrade', spend, now);
  }
}

/** Reviews every member whose tier or statistics may need it, each in a short transaction. */
export async function tierReviewer(system: System, now: Date): Promise<{ reviewed: number }> {
  const lowest = system.config.tiers.levels[0]!.code;
  const staleBefore = new Date(now.getTime() - 12 * 3_600_000);
  let reviewed = 0;
  let after = '0';
  for (;;) {
    const rows = (await system.dataSource.query(
      `SELECT m.id FROM members m LEFT JOIN member_stats s ON s.member_id = m.id
        WHERE m.id > ? AND m.deleted_at IS NULL
          AND (s.windows_as_of < ? OR m.tier_code <> ? OR m.tier_downgrade_pending_since IS NOT NULL)
        ORDER BY m.id LIMIT 500`,
      [after, staleBefore, lowest],
    )) as Array<{ id: string }>;
    if (rows.length === 0) break;
    for (const { id } of rows) {
      await runInTransaction(system.dataSource, (manager) => reviewMemberTier(manager, system.config, id, now));
      reviewed += 1;
      after = id;
    }
  }
  return { reviewed };
}
