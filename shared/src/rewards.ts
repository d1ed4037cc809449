/** A reward of the catalogue. */
export interface RewardDto {
  id: string;
  name: string;
  description: string;
  imageUrl: string;
  pointsPrice: number;
  stock: number;
  active: boolean;
}

/** Body of `POST /api/admin/rewards`; every field optional in `PATCH /api/admin/rewards/:id`. */
export interface RewardInput {
  name: string;
  description?: string;
  imageUrl?: string;
  pointsPrice: number;
  stock: number;
  active?: boolean;
}

/** `GET /api/mp/rewards` (active only) and `GET /api/admin/rewards` (all). */
export interface RewardListDto {
  rewards: RewardDto[];
}

/** `GET /api/mp/redemptions`: the member's latest 50 redemptions. */
export interface RedemptionListDto {
  redemptions: RedemptionDto[];
}

/** Body of `POST /api/mp/rewards/:id/redemptions`. */
export interface RedemptionRequest {
  idempotencyKey: string;
}

/** The state of a redemption. */
export type RedemptionStatus = 'pending' | 'fulfilled' | 'cancelled';

/** A member's redemption and the code the clerk marks as fulfilled. */
export interface RedemptionDto {
  id: string;
  rewardId: string;
  rewardName: string;
  points: number;
  code: string;
  status: RedemptionStatus;
  createdAt: string;
  fulfilledAt: string | null;
  /** The member's balance right after the redemption. */
  balanceAfter: number | null;
}

/** Body of `POST /api/admin/redemptions/cancel`: a pending redemption, its points returned and the reward restocked. */
export interface CancelRedemptionRequest {
  code: string;
}

/** Body of `POST /api/mp/staff/redemptions/fulfil`. */
export interface FulfilRedemptionRequest {
  code: string;
}
