import type { EntityManager } from 'typeorm';
import type { TierLevelConfig } from '../config/configSchema';
import type { Member } from '../members/Member';
import type { MemberStats } from '../members/MemberStats';
import { recomputeWindows, storeStats } from '../members/memberStatsRecorder';
import { TierChange } from './TierChange';
import type { TierChangeReason } from './TierChange';
import { qualifyingTier, tierRank } from './tierLevels';

/** Moves the locked member to `toTier` and records why. */
export async function changeTier(
  manager: EntityManager,
  member: Member,
  toTier: string,
  reason: TierChangeReason,
  spend365dFen: number,
  now: Date,
): Promise<void> {
  const fromTier = member.tierCode;
  const moves = toTier !== fromTier;
  const clearsGrace = reason !== 'grace_started';
  await manager.query(
    `UPDATE members SET tier_code = ?, tier_since = IF(?, ?, tier_since),
            tier_downgrade_pending_since = IF(?, NULL, ?) WHERE id = ?`,
    [toTier, moves, now, clearsGrace, now, member.id],
  );
  member.tierCode = toTier;
  if (moves) member.tierSince = now;
  member.tierDowngradePendingSince = clearsGrace ? null : now;
  await manager.getRepository(TierChange).insert({ memberId: member.id, fromTier, toTier, reason, spend365dFen, createdAt: now });
}

/**
 * Upgrades the locked member at once when their rolling 12-month spend reaches a higher
 * tier (the windows are recomputed exactly before deciding). Returns the new tier code,
 * or null when nothing changed. A pending downgrade is lifted when spend recovers.
 */
export async function upgradeIfEarned(options: {
  manager: EntityManager;
  member: Member;
  stats: MemberStats;
  levels: readonly TierLevelConfig[];
  now: Date;
}): Promise<string | null> {
  const { manager, member, stats, levels, now } = options;
  const currentRank = tierRank(levels, member.tierCode);
  const reachesMore = qualifyingTier(levels, stats.spend365dFen);
  if (tierRank(levels, reachesMore.code) <= currentRank && !member.tierDowngradePendingSince) return null;
  if (stats.windowsAsOf.getTime() !== now.getTime()) {
    await recomputeWindows(manager, stats, now);
    await storeStats(manager, stats);
  }
  const earned = qualifyingTier(levels, stats.spend365dFen);
  const earnedRank = tierRank(levels, earned.code);
  if (earnedRank > currentRank) {
    await changeTier(manager, member, earned.code, 'spend_upgrade', stats.spend365dFen, now);
    return earned.code;
  }
  if (earnedRank === currentRank && member.tierDowngradePendingSince) {
    await changeTier(manager, member, member.tierCode, 'grace_cleared', stats.spend365dFen, now);
  }
  return null;
}
