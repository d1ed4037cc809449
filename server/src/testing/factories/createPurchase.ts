import { randomBytes } from 'node:crypto';
import { purchaseRecorder, type RecordedPurchase } from '../../purchases/purchaseRecorder';
import type { System } from '../../system/System';
import { DAY_MS } from '../../time/dayMs';

/**
 * A member's purchase through the real purchase command (points, statistics and tier in
 * its transaction), optionally dated `daysAgo` as a POS syncing an older sale would.
 */
export async function createPurchase(
  system: System,
  options: { memberId: string; storeId: string; amountFen: number; daysAgo?: number; now?: Date },
): Promise<RecordedPurchase> {
  const now = options.now ?? new Date();
  return purchaseRecorder({
    system,
    storeId: options.storeId,
    source: 'pos',
    idempotencyKey: `test-${randomBytes(8).toString('hex')}`,
    requestHash: randomBytes(32).toString('hex'),
    amountFen: options.amountFen,
    items: [],
    memberId: options.memberId,
    staffId: null,
    purchasedAt: new Date(now.getTime() - (options.daysAgo ?? 0) * DAY_MS),
    now,
  });
}
