import type { RedemptionDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { creditPoints, expiryFor } from '../points/pointsLedger';
import type { System } from '../system/System';
import { presentRedemption } from './presentRewards';
import { Redemption } from './Redemption';
import { Reward } from './Reward';

/**
 * Cancels a redemption that was never handed over: the guarded status change lets it
 * happen once (and never after fulfilment), the reward is restocked, and the points
 * come back as a `redemption_cancel` entry referring to the redemption.
 */
export async function redemptionCanceller(options: { system: System; code: string; now: Date }): Promise<RedemptionDto> {
  const { system, now } = options;
  const code = options.code.trim().toUpperCase();
  const found = await system.dataSource.getRepository(Redemption).findOneBy({ code });
  if (!found) throw errors.notFound('redemption_not_found', '兑换码无效');
  return runInTransaction(system.dataSource, async (manager) => {
    // Member first, as every ledger change does, so this never deadlocks with a redemption.
    const member = await lockMember(manager, found.memberId, { includeDeleted: true });
    const cancelled = await manager
      .createQueryBuilder()
      .update(Redemption)
      .set({ status: 'cancelled' })
      .where('id = :id AND status = :pending', { id: found.id, pending: 'pending' })
      .execute();
    if (cancelled.affected !== 1) throw errors.conflict('redemption_not_pending', '这个兑换已核销或已取消');
    await manager.createQueryBuilder().update(Reward).set({ stock: () => 'stock + 1' }).where('id = :id', { id: found.rewardId }).execute();
    const entry = await creditPoints({
      manager,
      member,
      points: found.points,
      reason: 'redemption_cancel',
      refType: 'redemption',
      refId: found.id,
      now,
      expiresAt: expiryFor(now, system.config.points.expiryMonths),
    });
    const reward = await manager.getRepository(Reward).findOneByOrFail({ id: found.rewardId });
    return presentRedemption({ ...found, status: 'cancelled' }, reward.name, entry.balanceAfter);
  });
}
