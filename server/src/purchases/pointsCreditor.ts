import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import { lockMember } from '../members/lockMember';
import type { Member } from '../members/Member';
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

/** The points a purchase earns the member now, and the tier and multiplier that applied. */
export interface PurchaseStamp {
  memberId: string;
  pointsEarned: number;
  tierCode: string;
  multiplierPercent: number;
}

/** The store's rule (points per yuan, or the default) times the member's current tier multiplier. */
export async function purchaseStamp(manager: EntityManager, config: AppConfig, member: Member, storeId: string, amountFen: number): Promise<PurchaseStamp> {
  const store = await manager.getRepository(Store).findOneByOrFail({ id: storeId });
  const tier = tierByCode(config.tiers.levels, member.tierCode);
  const perYuan = store.pointsPerYuan ?? config.points.perYuan;
  return { memberId: member.id, pointsEarned: pointsForAmount(amountFen, perYuan, tier.multiplierPercent), tierCode: tier.code, multiplierPercent: tier.multiplierPercent };
}

/**
 * Credits a purchase to a member inside the caller's transaction: writes the ledger
 * entry, updates the purchase statistics and upgrades the tier when earned. A purchase
 * recorded at the till arrives already stamped with its points (`member` locked by the
 * caller); a receipt claimed later is stamped here, under the member's lock.
 */
export async function pointsCreditor(options: {
  manager: EntityManager;
  config: AppConfig;
  purchase: Purchase;
  memberId: string;
  now: Date;
  lockedMember?: Member;
}): Promise<CreditOutcome> {
  const { manager, config, purchase, memberId, now } = options;
  const member = options.lockedMember ?? (await lockMember(manager, memberId));
  if (purchase.creditedAt === null) {
    const stamp = await purchaseStamp(manager, config, member, purchase.storeId, purchase.amountFen);
    await manager.query(
      'UPDATE purchases SET member_id = ?, points_earned = ?, tier_code = ?, multiplier_percent = ?, credited_at = ? WHERE id = ?',
      [member.id, stamp.pointsEarned, stamp.tierCode, stamp.multiplierPercent, now, purchase.id],
    );
    Object.assign(purchase, stamp, { creditedAt: now });
  }
  const points = purchase.pointsEarned;
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
  const stats = await addPurchaseToStats({ manager, memberId: member.id, amountFen: purchase.amountFen, purchasedAt: purchase.purchasedAt, now });
  const tierUpgradedTo = await upgradeIfEarned({ manager, member, stats, levels: config.tiers.levels, now });
  return { entry, balanceAfter: member.pointsBalance, tierUpgradedTo };
}
