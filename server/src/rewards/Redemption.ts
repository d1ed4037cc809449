import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RedemptionStatus } from '@toyclub/shared';

/** A member's redemption of a reward; the code is shown at the till and fulfilled once. */
@Entity({ name: 'redemptions' })
export class Redemption {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ name: 'reward_id', type: 'bigint', unsigned: true })
  rewardId!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ type: 'int' })
  points!: number;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RedemptionStatus;

  @Column({ name: 'fulfilled_by_staff_id', type: 'bigint', unsigned: true, nullable: true })
  fulfilledByStaffId!: string | null;

  @Column({ name: 'fulfilled_at', type: 'datetime', precision: 3, nullable: true })
  fulfilledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
