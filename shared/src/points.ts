import type { ExpiringPointsDto } from './members';

/** Why the balance changed. */
export type PointsReason =
  | 'purchase'
  | 'refund'
  | 'check_in'
  | 'redemption'
  | 'redemption_cancel'
  | 'expiry'
  | 'adjustment'
  | 'winback_bonus';

/** The Chinese label of each ledger reason. */
export const POINTS_REASON_LABELS: Record<PointsReason, string> = {
  purchase: '消费积分',
  refund: '退款扣回',
  check_in: '到店签到',
  redemption: '积分兑换',
  redemption_cancel: '兑换取消退回',
  expiry: '积分过期',
  adjustment: '人工调整',
  winback_bonus: '回归礼积分',
};

/** One ledger entry, as the member sees it. */
export interface PointsEntryDto {
  id: string;
  delta: number;
  balanceAfter: number;
  reason: PointsReason;
  reasonLabel: string;
  /** What the entry refers to: a purchase, refund, redemption, check-in... */
  refType: string | null;
  refId: string | null;
  note: string | null;
  /** For credits: when what remains of them expires. */
  expiresAt: string | null;
  createdAt: string;
}

/** `GET /api/mp/points/entries`. */
export interface PointsEntriesPageDto {
  balance: number;
  expiringSoon: ExpiringPointsDto;
  entries: PointsEntryDto[];
  /** Pass as `?before=` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

/** Body of `POST /api/admin/members/:id/points-adjustments`. */
export interface PointsAdjustmentRequest {
  delta: number;
  note: string;
  idempotencyKey: string;
}
