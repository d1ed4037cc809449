import type { RedemptionDto, RewardDto } from '@toyclub/shared';
import type { Redemption } from './Redemption';
import type { Reward } from './Reward';

/** A reward of the catalogue. */
export function presentReward(reward: Reward): RewardDto {
  return {
    id: reward.id,
    name: reward.name,
    description: reward.description,
    imageUrl: reward.imageUrl,
    pointsPrice: reward.pointsPrice,
    stock: reward.stock,
    active: reward.active,
  };
}

/** A redemption with its reward's name and the balance right after it. */
export function presentRedemption(redemption: Redemption, rewardName: string, balanceAfter: number | null): RedemptionDto {
  return {
    id: redemption.id,
    rewardId: redemption.rewardId,
    rewardName,
    points: redemption.points,
    code: redemption.code,
    status: redemption.status,
    createdAt: redemption.createdAt.toISOString(),
    fulfilledAt: redemption.fulfilledAt?.toISOString() ?? null,
    balanceAfter,
  };
}
