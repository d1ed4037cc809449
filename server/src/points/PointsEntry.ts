import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PointsReason } from '@toyclub/shared';

/**
 * One append-only ledger entry. A credit is also an expiry lot: `remaining` is what is
 * left of it after debits consumed lots oldest-expiry-first, and it expires at
 * `expiresAt`. Entries are never updated except for `remaining`.
 */
@Entity({ name: 'points_entries' })
export class PointsEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ type: 'int' })
  delta!: number;

  @Column({ name: 'balance_after', type: 'int' })
  balanceAfter!: number;

  @Column({ type: 'varchar', length: 24 })
  reason!: PointsReason;

  @Column({ name: 'ref_type', type: 'varchar', length: 24, nullable: true })
  refType!: string | null;

  @Column({ name: 'ref_id', type: 'bigint', unsigned: true, nullable: true })
  refId!: string | null;

  /** The staff member who made a manual adjustment. */
  @Column({ name: 'staff_id', type: 'bigint', unsigned: true, nullable: true })
  staffId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  note!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'int' })
  remaining!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
