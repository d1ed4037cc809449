import type { RefundDto } from '@toyclub/shared';
import type { RecordedRefund } from './refundRecorder';

/** The DTO of a recorded refund. */
export function presentRefund({ refund, balanceAfter }: RecordedRefund): RefundDto {
  return {
    id: refund.id,
    purchaseId: refund.purchaseId,
    amountFen: refund.amountFen,
    pointsReversed: refund.pointsReversed,
    pointsShortfall: refund.pointsShortfall,
    balanceAfter,
  };
}
