import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../db/bigintNumber';

/** Why a member's tier changed (or a downgrade's grace period started or was lifted). */
export type TierChangeReason = 'spend_upgrade' | 'spend_downgrade' | 'grace_started' | 'grace_cleared';

/** The record of every tier change, with the 12-month spend that caused it. */
@Entity({ name: 'tier_changes' })
export class TierChange {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ name: 'from_tier', type: 'varchar', length: 16 })
  fromTier!: string;

  @Column({ name: 'to_tier', type: 'varchar', length: 16 })
  toTier!: string;

  @Column({ type: 'varchar', length: 32 })
  reason!: TierChangeReason;

  @Column({ name: 'spend_365d_fen', type: 'bigint', transformer: bigintNumber })
  spend365dFen!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
