import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../db/bigintNumber';

/** Where a purchase or refund came from: a clerk's mini-program or a store's POS. */
export type PurchaseSource = 'clerk' | 'pos';

/**
 * A purchase at a store, for a member or (until a receipt code is claimed) for nobody.
 * Unique by (store, source, idempotency key); `requestHash` tells a replay from a
 * different request reusing a key.
 */
@Entity({ name: 'purchases' })
export class Purchase {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'store_id', type: 'bigint', unsigned: true })
  storeId!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true, nullable: true })
  memberId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  source!: PurchaseSource;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  /** The discount included in the purchase (0 when the till does not report one). */
  @Column({ name: 'discount_fen', type: 'bigint', transformer: bigintNumber })
  discountFen!: number;

  @Column({ name: 'refunded_fen', type: 'bigint', transformer: bigintNumber })
  refundedFen!: number;

  @Column({ name: 'points_earned', type: 'int' })
  pointsEarned!: number;

  @Column({ name: 'points_reversed', type: 'int' })
  pointsReversed!: number;

  /** The member's tier when the points were credited, and its multiplier. */
  @Column({ name: 'tier_code', type: 'varchar', length: 16, nullable: true })
  tierCode!: string | null;

  @Column({ name: 'multiplier_percent', type: 'int', nullable: true })
  multiplierPercent!: number | null;

  @Column({ name: 'staff_id', type: 'bigint', unsigned: true, nullable: true })
  staffId!: string | null;

  @Column({ name: 'purchased_at', type: 'datetime', precision: 3 })
  purchasedAt!: Date;

  /** When points were credited to the member (at purchase, or when a receipt code was claimed). */
  @Column({ name: 'credited_at', type: 'datetime', precision: 3, nullable: true })
  creditedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
