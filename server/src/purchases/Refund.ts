import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../db/bigintNumber';
import type { PurchaseSource } from './Purchase';

/** A (possibly partial) refund of one purchase and the points it took back. */
@Entity({ name: 'refunds' })
export class Refund {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'purchase_id', type: 'bigint', unsigned: true })
  purchaseId!: string;

  @Column({ name: 'store_id', type: 'bigint', unsigned: true })
  storeId!: string;

  @Column({ type: 'varchar', length: 8 })
  source!: PurchaseSource;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ name: 'points_reversed', type: 'int' })
  pointsReversed!: number;

  /** Points the purchase earned that were already spent, so could not be taken back. */
  @Column({ name: 'points_shortfall', type: 'int' })
  pointsShortfall!: number;

  @Column({ name: 'staff_id', type: 'bigint', unsigned: true, nullable: true })
  staffId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
