import type { EntityManager } from 'typeorm';
import type { RedemptionDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { debitPoints } from '../points/pointsLedger';
import { PointsEntry } from '../points/PointsEntry';
import { humanCode } from '../security/secretTokens';
import type { System } from '../system/System';
import { presentRedemption } from './presentRewards';
import { Redemption } from './Redemption';
import { Reward } from './Reward';

async function replay(manager: EntityManager, redemption: Redemption): Promise<RedemptionDto> {
  const reward = await manager.getRepository(Reward).findOneByOrFail({ id: redemption.rewardId });
  const entry = await manager.getRepository(PointsEntry).findOneBy({ reason: 'redemption', refType: 'redemption', refId: redemption.id });
  return presentRedemption(redemption, reward.name, entry?.balanceAfter ?? null);
}

/**
 * Redeems a reward for points. The member row lock serialises a member's redemptions
 * (so the balance check holds) and a guarded `stock = stock - 1 WHERE stock > 0` makes
 * concurrent members unable to oversell; the idempotency key (unique per member)
 * answers a retried request with the first redemption instead of charging twice.
 */
export async function rewardRedeemer(options: {
  system: System;
  memberId: string;
  rewardId: string;
  idempotencyKey: string;
  now: Date;
}): Promise<RedemptionDto> {
  const { system, memberId, rewardId, idempotencyKey, now } = options;
  try {
    return await runInTransaction(system.dataSource, async (manager) => {
      const member = await lockMember(manager, memberId);
      const earlier = await manager.getRepository(Redemption).findOneBy({ memberId, idempotencyKey });
      if (earlier) {
        if (earlier.rewardId !== rewardId) throw errors.conflict('idempotency_key_reused', '这个幂等键已用于另一次兑换');
        return replay(manager, earlier);
      }
      const reward = await manager.getRepository(Reward).findOneBy({ id: rewardId });
      if (!reward || !reward.active) throw errors.notFound('reward_not_found', '这个礼品已下架');
      if (member.pointsBalance < reward.pointsPrice) throw errors.conflict('insufficient_points', '积分不足，暂时不能兑换');
      const taken = await manager
        .createQueryBuilder()
        .update(Reward)
        .set({ stock: () => 'stock - 1' })
        .where('id = :id AND active = 1 AND stock > 0', { id: rewardId })
        .execute();
      if (taken.affected !== 1) throw errors.conflict('reward_out_of_stock', '礼品已兑完');
      const redemption = manager.getRepository(Redemption).create({
        memberId,
        rewardId,
        idempotencyKey,
        points: reward.pointsPrice,
        code: humanCode(10),
        status: 'pending',
        fulfilledByStaffId: null,
        fulfilledAt: null,
        createdAt: now,
      });
      await manager.getRepository(Redemption).insert(redemption);
      const entry = await debitPoints({ manager, member, points: reward.pointsPrice, reason: 'redemption', refType: 'redemption', refId: redemption.id, now });
      return presentRedemption(redemption, reward.name, entry.balanceAfter);
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const earlier = await system.dataSource.getRepository(Redemption).findOneBy({ memberId, idempotencyKey });
    if (!earlier) throw error;
    return replay(system.dataSource.manager, earlier);
  }
}
