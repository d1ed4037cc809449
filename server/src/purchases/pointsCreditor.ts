import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import { lockMember } from '../members/lockMember';
import { addPurchaseToStats } from '../members/memberStatsRecorder';
import { creditPoints, expiryFor, pointsForAmount } from '../points/pointsLedger';
import type { PointsEntry } from '../points/PointsEntry';
import { Store } from '../stores/Store';
import { tierByCode } from '../tiers/tierLevels';
import { upgradeIfEarned } from '../tiers/tierUpgrader';
import type { Purchase } from './Purchase';

/** What crediting a purchase did. */
export interface CreditOutcome {
  entry: PointsEntry | null;
  balanceAfter: number;
  tierUpgradedTo: string | null;
}

/**
 * Credits a purchase to a member inside the caller's transaction: locks the member,
 * applies the store's rule times the member's current tier multiplier, writes the
 * ledger entry, updates the purchase statistics and upgrades the tier when earned.
 * Used at the till and when a receipt code is claimed later.
 */
export async function pointsCreditor(options: {
  manager: EntityManager;
  config: AppConfig;
  purchase: Purchase;
  memberId: string;
  now: Date;
}): Promise<CreditOutcome> {
  const { manager, config, purchase, memberId, now } = options;
  const member = await lockMember(manager, memberId);
  const store = await manager.getRepository(Store).findOneByOrFail({ id: purchase.storeId });
  const tier = tierByCode(config.tiers.levels, member.tierCode);
  const perYuan = store.pointsPerYuan ?? config.points.perYuan;
  const points = pointsForAmount(purchase.amountFen, perYuan, tier.multiplierPercent);
  const entry =
    points > 0
      ? await creditPoints({
          manager,
          member,
          points,
          reason: 'purchase',
          refType: 'purchase',
          refId: purchase.id,
          now,
          expiresAt: expiryFor(now, config.points.expiryMonths),
        })
      : null;
  await manager.query(
    'UPDATE purchases SET member_id = ?, points_earned = ?, tier_code = ?, multiplier_percent = ?, credited_at = ? WHERE id = ?',
    [member.id, points, tier.code, tier.multiplierPercent, now, purchase.id],
  );
  Object.assign(purchase, { memberId: member.id, pointsEarned: points, tierCode: tier.code, multiplierPercent: tier.multiplierPercent, creditedAt: now });
  const stats = await addPurchaseToStats({ manager, memberId: member.id, amountFen: purchase.amountFen, purchasedAt: purchase.purchasedAt, now });
  const tierUpgradedTo = await upgradeIfEarned({ manager, member, stats, levels: config.tiers.levels, now });
  return { entry, balanceAfter: member.pointsBalance, tierUpgradedTo };
}
