import type { EntityManager } from 'typeorm';
import type { PurchaseDto, ReceiptCodeDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { PointsEntry } from '../points/PointsEntry';
import { ReceiptCode } from '../receipts/ReceiptCode';
import { presentReceiptCode, receiptCodeFor } from '../receipts/receiptCodes';
import { TierChange } from '../tiers/TierChange';
import type { Purchase } from './Purchase';
import type { RecordedPurchase } from './purchaseRecorder';

/** The DTO of a purchase from its row and what the recording returned. */
export function purchaseDto(
  purchase: Purchase,
  extra: { balanceAfter: number | null; receiptCode: ReceiptCodeDto | null; tierUpgradedTo: string | null },
): PurchaseDto {
  return {
    id: purchase.id,
    storeId: purchase.storeId,
    memberId: purchase.memberId,
    amountFen: purchase.amountFen,
    refundedFen: purchase.refundedFen,
    pointsEarned: purchase.pointsEarned,
    pointsReversed: purchase.pointsReversed,
    tierCode: purchase.tierCode,
    multiplierPercent: purchase.multiplierPercent,
    purchasedAt: purchase.purchasedAt.toISOString(),
    balanceAfter: extra.balanceAfter,
    receiptCode: extra.receiptCode,
    tierUpgradedTo: extra.tierUpgradedTo,
  };
}

async function replayExtras(manager: EntityManager, config: AppConfig, purchase: Purchase) {
  const entry = await manager.getRepository(PointsEntry).findOneBy({ reason: 'purchase', refType: 'purchase', refId: purchase.id });
  let receiptCode: ReceiptCodeDto | null = null;
  if (!purchase.memberId) {
    const row = await manager.getRepository(ReceiptCode).findOneBy({ purchaseId: purchase.id });
    if (row && !row.claimedAt) receiptCode = presentReceiptCode(receiptCodeFor(config, purchase.id), row.expiresAt);
  }
  const upgrade =
    purchase.memberId && purchase.creditedAt
      ? await manager.getRepository(TierChange).findOneBy({ memberId: purchase.memberId, reason: 'spend_upgrade', createdAt: purchase.creditedAt })
      : null;
  return { balanceAfter: entry?.balanceAfter ?? null, receiptCode, tierUpgradedTo: upgrade?.toTier ?? null };
}

/**
 * Presents a recorded purchase. A replay of the same idempotency key is presented from
 * what was stored (the ledger entry's balance, the derived receipt code), so every
 * duplicate gets the same answer as the request that won.
 */
export async function presentRecordedPurchase(manager: EntityManager, config: AppConfig, recorded: RecordedPurchase): Promise<PurchaseDto> {
  if (recorded.replayed) return purchaseDto(recorded.purchase, await replayExtras(manager, config, recorded.purchase));
  return purchaseDto(recorded.purchase, {
    balanceAfter: recorded.credit?.entry?.balanceAfter ?? null,
    receiptCode: recorded.receiptCode,
    tierUpgradedTo: recorded.credit?.tierUpgradedTo ?? null,
  });
}
