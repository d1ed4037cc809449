import type { RedemptionDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { presentRedemption } from './presentRewards';
import { Redemption } from './Redemption';
import { Reward } from './Reward';

/**
 * Marks a redemption code fulfilled by the clerk handing over the reward. The guarded
 * update lets exactly one of two clerks scanning the same code succeed.
 */
export async function redemptionFulfiller(options: { system: System; code: string; staffId: string; now: Date }): Promise<RedemptionDto> {
  const { system, staffId, now } = options;
  const code = options.code.trim().toUpperCase();
  return runInTransaction(system.dataSource, async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(Redemption)
      .set({ status: 'fulfilled', fulfilledByStaffId: staffId, fulfilledAt: now })
      .where('code = :code AND status = :pending', { code, pending: 'pending' })
      .execute();
    const redemption = await manager.getRepository(Redemption).findOneBy({ code });
    if (!redemption) throw errors.notFound('redemption_not_found', '兑换码无效');
    if (result.affected !== 1 && redemption.status === 'cancelled') throw errors.conflict('redemption_cancelled', '这个兑换已取消，积分已退回');
    if (result.affected !== 1) throw errors.conflict('redemption_already_fulfilled', '这个兑换码已核销');
    const reward = await manager.getRepository(Reward).findOneByOrFail({ id: redemption.rewardId });
    return presentRedemption(redemption, reward.name, null);
  });
}
