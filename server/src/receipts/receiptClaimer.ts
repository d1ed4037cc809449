import type { ReceiptClaimDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import { PointsEntry } from '../points/PointsEntry';
import { pointsCreditor } from '../purchases/pointsCreditor';
import { Purchase } from '../purchases/Purchase';
import { tokenHash } from '../security/secretTokens';
import type { System } from '../system/System';
import { ReceiptCode } from './ReceiptCode';
import { normaliseReceiptCode } from './receiptCodes';
import { scheduleMemberRetag } from '../tags/scheduleMemberRetag';

/**
 * Claims a purchase made before the customer was a member: the first member to scan
 * its one-time code gets the points (with the purchase counted in their statistics and
 * tier). The code row is locked, so two members scanning at once cannot both win; the
 * same member retrying gets the same answer.
 */
export async function receiptClaimer(options: { system: System; memberId: string; code: string; now: Date }): Promise<ReceiptClaimDto> {
  const { system, memberId, now } = options;
  const codeHash = tokenHash(normaliseReceiptCode(options.code));
  const claimed = await runInTransaction(system.dataSource, async (manager) => {
    const receipt = await manager.getRepository(ReceiptCode).findOne({ where: { codeHash }, lock: { mode: 'pessimistic_write' } });
    if (!receipt) throw errors.notFound('receipt_code_invalid', '小票码无效');
    const purchase = await manager.getRepository(Purchase).findOne({ where: { id: receipt.purchaseId }, lock: { mode: 'pessimistic_write' } });
    if (!purchase) throw errors.notFound('receipt_code_invalid', '小票码无效');
    if (receipt.claimedByMemberId === memberId) {
      const entry = await manager.getRepository(PointsEntry).findOneBy({ reason: 'purchase', refType: 'purchase', refId: purchase.id });
      return { purchaseId: purchase.id, pointsEarned: purchase.pointsEarned, balanceAfter: entry?.balanceAfter ?? 0 };
    }
    if (receipt.claimedAt) throw errors.conflict('receipt_code_used', '这张小票的积分已被领取');
    if (receipt.expiresAt <= now) throw errors.gone('receipt_code_expired', '小票码已过期');
    if (purchase.memberId || purchase.refundedFen > 0) throw errors.conflict('receipt_code_used', '这张小票已不能领取积分');
    const credit = await pointsCreditor({ manager, config: system.config, purchase, memberId, now });
    await manager.getRepository(ReceiptCode).update({ id: receipt.id }, { claimedByMemberId: memberId, claimedAt: now });
    return { purchaseId: purchase.id, pointsEarned: purchase.pointsEarned, balanceAfter: credit.balanceAfter };
  });
  // The purchase now counts for the member's dynamic tags (after the commit, in a job).
  await scheduleMemberRetag(system, memberId);
  return claimed;
}
