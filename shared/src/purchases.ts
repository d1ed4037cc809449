import type { ToyCategory } from './toyCategories';

/** One line of a purchase. */
export interface PurchaseItemInput {
  name: string;
  category?: ToyCategory;
  quantity: number;
  /** The line's total in fen. */
  amountFen: number;
}

/**
 * Body of `POST /api/mp/staff/purchases` (clerk) and `POST /api/pos/purchases` (POS).
 * Without `cardCode` the purchase is recorded for nobody and a one-time receipt claim
 * code is returned instead, for a customer who is not a member yet.
 */
export interface PurchaseRequest {
  /** The member's rotating card code, as scanned. */
  cardCode?: string;
  amountFen: number;
  /** How much of `amountFen` was discount, in fen (optional; tells 价格敏感 members apart). */
  discountFen?: number;
  items?: PurchaseItemInput[];
  /** Any unique string per purchase (the POS receipt number, a UUID from the clerk's page). */
  idempotencyKey: string;
  /** Only for staff not tied to one store (owners); ignored otherwise. */
  storeId?: string;
}

/** A recorded purchase. Replays of the same idempotency key get the same body. */
export interface PurchaseDto {
  id: string;
  storeId: string;
  memberId: string | null;
  amountFen: number;
  refundedFen: number;
  pointsEarned: number;
  pointsReversed: number;
  tierCode: string | null;
  multiplierPercent: number | null;
  purchasedAt: string;
  /** The member's balance right after the credit; null for a purchase without member. */
  balanceAfter: number | null;
  /** Present once, in the answer that created it, for a purchase without member. */
  receiptCode: ReceiptCodeDto | null;
  /** Set when this purchase moved the member up a tier. */
  tierUpgradedTo: string | null;
}

/** Body of `POST /api/pos/refunds` and `POST /api/mp/staff/refunds`. */
export interface RefundRequest {
  purchaseId: string;
  /** Defaults to what is left to refund. */
  amountFen?: number;
  idempotencyKey: string;
}

/** A recorded refund. */
export interface RefundDto {
  id: string;
  purchaseId: string;
  amountFen: number;
  /** Points taken back from the member. */
  pointsReversed: number;
  /** Points that should have been taken back but were already spent (the balance never goes negative). */
  pointsShortfall: number;
  balanceAfter: number | null;
}

/** A one-time claim code for a purchase made before the customer was a member. */
export interface ReceiptCodeDto {
  code: string;
  /** The mini-program scene to encode in the QR (`r` + code). */
  scene: string;
  expiresAt: string;
}

/** Body of `POST /api/mp/receipt-claims`. */
export interface ReceiptClaimRequest {
  code: string;
}

/** Answer of `POST /api/mp/receipt-claims`. */
export interface ReceiptClaimDto {
  purchaseId: string;
  pointsEarned: number;
  balanceAfter: number;
}
